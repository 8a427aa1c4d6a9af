-- overlap-matrix: people active in both of two categories in quarter $1, as published
-- (any commit credit counts). One row per pair, category_a < category_b; pairs with
-- nobody in common have no row. Largest first, so summaries read the top rows.
SELECT category_a, category_b, people
FROM category_overlap
WHERE quarter = $1
ORDER BY people DESC, category_a, category_b
