-- top-projects: the $3 repositories with the most contributors in quarter $1, overall
-- ($2 = 'all') or within category $2, with the new/returning split.
--
-- Why: ranks come pre-computed (ties: more commits, then repo name) so the build and
-- the browser cannot order ties differently. new_contributors are new to the repo;
-- new_project marks a repo whose counted history starts in this quarter.
SELECT
  t.repo,
  t.category_id,
  c.name AS category_name,
  c.colour,
  t.contributors,
  t.new_contributors,
  t.returning_contributors,
  t.commits,
  t.rank_in_category,
  t.rank_overall,
  coalesce(r.first_quarter = t.quarter, false) AS new_project
FROM top_projects t
JOIN categories c ON c.category_id = t.category_id
LEFT JOIN repos r ON r.repo = t.repo
WHERE t.quarter = $1
  AND ($2 = 'all' OR t.category_id = $2)
  AND CASE WHEN $2 = 'all' THEN t.rank_overall ELSE t.rank_in_category END <= $3
ORDER BY CASE WHEN $2 = 'all' THEN t.rank_overall ELSE t.rank_in_category END
