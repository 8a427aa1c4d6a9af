-- overlap-at-threshold: people with at least $2 commits in each of two categories in
-- quarter $1, read from the counts the engine published (no person-level rows are
-- published, so nothing is recomputed here). $2 must be one of the published thresholds
-- (src/lib/chord-thresholds.ts); any other value finds no rows.
--
-- Why: above threshold 1, pairs of fewer than 3 people are not published (small cells,
-- see scripts/metrics/sql/category_overlap_thresholds.sql), so they have no row here;
-- at 1 it returns what overlap-matrix does (tested). Largest first, as overlap-matrix.
SELECT category_a, category_b, people
FROM category_overlap_thresholds
WHERE quarter = $1 AND min_commits = $2
ORDER BY people DESC, category_a, category_b
