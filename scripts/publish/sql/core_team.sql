-- core_team: how many people made half and four fifths of each scope's commit credit,
-- and how many were active in 8 or more weeks, per repository, category and the whole
-- set. Sizes of 1 or 2 are already empty (the metric's small-cell rule), so no row
-- says how much of a project one nameable person did.
SELECT *
FROM core_team
WHERE quarter IN (SELECT quarter FROM publish_window)
ORDER BY seq, scope_type, scope_id
