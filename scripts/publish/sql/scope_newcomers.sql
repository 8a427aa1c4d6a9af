-- scope_newcomers: newcomer shares and projects new to the tracked set, per category
-- and for the whole set.
SELECT *
FROM scope_newcomers
WHERE quarter IN (SELECT quarter FROM publish_window)
ORDER BY seq, scope_type, scope_id
