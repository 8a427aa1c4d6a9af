-- work_composition: what kind of work the commits were (perf, feature, fix, test, docs, ci).
SELECT *
FROM work_composition
WHERE quarter IN (SELECT quarter FROM publish_window)
ORDER BY quarter, scope_type, scope_id, work_kind
