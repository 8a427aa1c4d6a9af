-- change-people: the people behind each category's change into quarter $1 (counts
-- only): the category's people, those it has through one repository only, and those
-- an overlap has through one repository only, in the quarter and the quarter before.
-- The artefact guard reads them to tell a category that moved from one that lost or
-- gained a single repository's people.
SELECT scope_id, other_category, repo, people, people_prev
FROM change_people
WHERE quarter = $1
ORDER BY scope_type, scope_id, other_category NULLS FIRST, repo NULLS FIRST
