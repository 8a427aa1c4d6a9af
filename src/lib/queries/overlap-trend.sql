-- overlap-trend: every category pair's overlap (people active in both in the same
-- quarter, as published) over every quarter of the folder, for trend lines.
--
-- Why: category_overlap has a row only where someone is in both; quarters without a row
-- read 0 (any activity counts: these are the threshold-1 counts, published with their
-- small cells). Pairs come once, category_a < category_b, with both names and colours
-- so a chart needs no second query.
SELECT o.quarter, q.seq, q.partial, o.category_a, o.category_b, o.people
FROM category_overlap o
JOIN quarters q ON q.quarter = o.quarter
ORDER BY q.seq, o.category_a, o.category_b
