-- category_overlap: people active in two categories in the same quarter.
SELECT *
FROM category_overlap
WHERE quarter IN (SELECT quarter FROM publish_window)
ORDER BY quarter, category_a, category_b
