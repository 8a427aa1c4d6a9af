-- scope_newcomers: how much of a category (and of the whole tracked set, 'all') is new each
-- quarter: the share of its contributors new to it (newcomer_share) and new to the
-- tracked set (ecosystem_newcomer_share), and the projects new to the tracked set
-- (new_projects) with the people active in them.
--
-- Why:
-- * "New" is the design notes' definition (first-ever credit within the scope falls in
--   the quarter), taken from scope_quarters so that new_contributors / contributors
--   here is exactly the ratio of the published counts; for 'all' the two shares agree.
-- * A share, not a count: a category that doubles in size has twice the newcomers at
--   the same share; the share says whether it is renewing itself or growing its own.
-- * Empty shares where nobody was active (no people, no ratio). Like every count
--   without a like-for-like recount, a quarter where a history stops early
--   (observed = false) reads low for tracking reasons; partial quarters are flagged.
-- * new_project_contributors counts people once however many new projects they work
--   in; new projects are new_projects' rows (first counted commit in the quarter).
WITH project_people AS (
  SELECT
    scope_type_of(1, grouping(cc.category_id)) AS scope_type,
    scope_id_of(1, grouping(cc.category_id), NULL, cc.category_id) AS scope_id,
    cc.quarter,
    count(DISTINCT cc.person_id) AS new_project_contributors
  FROM commit_credits cc
  JOIN new_projects n ON n.repo = cc.repo AND n.quarter = cc.quarter
  GROUP BY GROUPING SETS ((cc.category_id, cc.quarter), (cc.quarter))
),
-- A new project whose first quarter credits nobody (an agent's commit, a team account)
-- is still a new project.
projects AS (
  SELECT
    scope_type_of(1, grouping(category_id)) AS scope_type,
    scope_id_of(1, grouping(category_id), NULL, category_id) AS scope_id,
    quarter, count(*) AS new_projects
  FROM new_projects
  GROUP BY GROUPING SETS ((category_id, quarter), (quarter))
)
SELECT s.scope_type, s.scope_id, s.quarter, s.seq, s.partial, s.observed,
  s.contributors, s.new_contributors, s.new_to_ecosystem,
  CASE WHEN s.contributors > 0 THEN s.new_contributors / s.contributors END::DOUBLE AS newcomer_share,
  CASE WHEN s.contributors > 0 THEN s.new_to_ecosystem / s.contributors END::DOUBLE AS ecosystem_newcomer_share,
  coalesce(p.new_projects, 0)::INTEGER AS new_projects,
  coalesce(pp.new_project_contributors, 0)::INTEGER AS new_project_contributors
FROM scope_quarters s
LEFT JOIN projects p USING (scope_type, scope_id, quarter)
LEFT JOIN project_people pp USING (scope_type, scope_id, quarter)
WHERE s.scope_type IN ('category', 'all')
ORDER BY s.seq, s.scope_type, s.scope_id
