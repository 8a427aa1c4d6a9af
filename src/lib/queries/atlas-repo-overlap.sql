-- atlas-repo-overlap: for each repository and quarter, the other categories its people
-- are active in: people whose one repository in its category is this one and who also
-- have commits in another category (change_people's overlap rows).
--
-- Why this table: overlaps are published per category pair, not per repository; these
-- rows are the repository-level part that is published, with cells under 3 people
-- empty (NULL here: "fewer than 3", never a number). People reaching the category
-- through several of its repositories are not in any one repository's row.
SELECT p.repo, p.quarter, q.seq, p.other_category, p.people
FROM change_people p
JOIN quarters q ON q.quarter = p.quarter
WHERE p.other_category IS NOT NULL AND p.repo IS NOT NULL
ORDER BY p.repo, q.seq, p.other_category
