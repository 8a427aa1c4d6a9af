-- migration-matrix: people whose primary category was from_category in the quarter
-- before $1 and to_category in $1, as published. Stayers (from = to) are included so
-- totals and net flows (M[X][Y] − M[Y][X]) can be read.
SELECT from_category, to_category, people
FROM category_migration
WHERE quarter = $1
ORDER BY people DESC, from_category, to_category
