-- provenance_quarters: copies held, counted elsewhere or credited to nobody, per scope.
-- Aggregates of commits only: no person appears in it.
SELECT *
FROM provenance_quarters
WHERE quarter IN (SELECT quarter FROM publish_window)
ORDER BY quarter, scope_type, scope_id
