-- scope_quarters: every figure per repository, category and the whole tracked set.
-- Sorted by quarter then scope so a browser query for one quarter reads few row groups.
SELECT *
FROM scope_quarters
WHERE quarter IN (SELECT quarter FROM publish_window)
ORDER BY seq, scope_type, scope_id
