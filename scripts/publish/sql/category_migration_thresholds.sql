-- category_migration_thresholds: primary-category flows at each commit threshold of the
-- talent chord, so the browser redraws it without any person-level rows.
SELECT *
FROM category_migration_thresholds
WHERE quarter IN (SELECT quarter FROM publish_window)
ORDER BY quarter, min_commits, from_category, to_category
