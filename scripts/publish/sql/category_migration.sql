-- category_migration: people whose primary category changed from one quarter to the next.
SELECT *
FROM category_migration
WHERE quarter IN (SELECT quarter FROM publish_window)
ORDER BY quarter, from_category, to_category
