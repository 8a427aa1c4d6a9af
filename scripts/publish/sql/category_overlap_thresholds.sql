-- category_overlap_thresholds: people active in two categories at each commit threshold
-- of the talent chord, so the browser redraws it without any person-level rows.
SELECT *
FROM category_overlap_thresholds
WHERE quarter IN (SELECT quarter FROM publish_window)
ORDER BY quarter, min_commits, category_a, category_b
