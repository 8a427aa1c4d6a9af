-- categories: ids, names, emoji and colours in the report's reading order, so a page
-- needs nothing but its published folder to draw and label a category.
SELECT category_id, name, emoji, colour, sort_order
FROM categories
ORDER BY sort_order, category_id
