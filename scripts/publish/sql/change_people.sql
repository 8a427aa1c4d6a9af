-- change_people: the people behind each quarter's change in contributors and in an
-- overlap, as counts per scope and repository (overlap cells under 3 people left empty),
-- so the artefact guard can say which repository a change owes most to without any
-- person-level rows.
SELECT *
FROM change_people
WHERE quarter IN (SELECT quarter FROM publish_window)
ORDER BY quarter, scope_type, scope_id, other_category NULLS FIRST, repo NULLS FIRST
