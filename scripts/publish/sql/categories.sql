-- categories: names, emoji and colours, so the site needs nothing else to draw them.
SELECT category_id, name, emoji, colour, sort_order
FROM categories
ORDER BY sort_order
