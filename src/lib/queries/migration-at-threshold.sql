-- migration-at-threshold: people with at least $2 commits in the quarter before $1 and
-- at least $2 in $1, by primary category in each, read from the counts the engine
-- published (no person-level rows are published, so nothing is recomputed here). $2
-- must be one of the published thresholds (src/lib/chord-thresholds.ts); any other
-- value finds no rows. Stayers (from = to) are included, as in migration-matrix.
--
-- Why: above threshold 1, flows of fewer than 3 people are not published (small cells,
-- see scripts/metrics/sql/category_migration_thresholds.sql), so they have no row here;
-- at 1 it returns what migration-matrix does (tested). Largest first, as migration-matrix.
SELECT from_category, to_category, people
FROM category_migration_thresholds
WHERE quarter = $1 AND min_commits = $2
ORDER BY people DESC, from_category, to_category
