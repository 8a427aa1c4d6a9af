-- commit_credits: the human contributors of each counted commit (author plus
-- co-authors, merged into people), each with weight 1/n so that shares add up
-- to the commit. Merges, bot commits and undated commits earn no credit. When an
-- AI agent is the author, the human who committed it is credited instead; a
-- web-flow committer (GitHub's noreply) is not a person.
WITH counted AS (
  SELECT c.sha, c.repo, c.category_id, c.quarter, c.week
  FROM commits c
  WHERE NOT c.is_merge AND NOT c.is_bot AND c.quarter IS NOT NULL
),
author_side AS (
  SELECT k.*,
         CASE WHEN coalesce(am.is_agent OR a.is_agent, false) THEN cm.person_id ELSE am.person_id END AS person_id,
         CASE WHEN coalesce(am.is_agent OR a.is_agent, false) THEN cm.organization ELSE am.organization END AS organization,
         CASE WHEN coalesce(am.is_agent OR a.is_agent, false)
              THEN NOT (cm.is_bot OR cm.is_agent) AND r.committer_email <> 'noreply@github.com' AND r.committer_name <> 'GitHub'
              ELSE true END AS human
  FROM counted k
  JOIN raw_commits r ON r.sha = k.sha AND r.repo = k.repo
  LEFT JOIN identities a ON a.name = r.author_name AND a.email = r.author_email
  LEFT JOIN identities am ON am.name = r.author_name_mm AND am.email = r.author_email_mm
  LEFT JOIN identities cm ON cm.name = r.committer_name AND cm.email = r.committer_email
),
coauthor_side AS (
  SELECT k.*, ci.person_id, ci.organization, NOT (ci.is_bot OR ci.is_agent) AS human
  FROM counted k
  JOIN raw_coauthors ca ON ca.sha = k.sha AND ca.repo = k.repo
  JOIN identities ci ON ci.name = ca.name AND ci.email = ca.email
),
credited AS (
  SELECT sha, repo, category_id, quarter, week, person_id, organization
  FROM (SELECT * FROM author_side UNION ALL SELECT * FROM coauthor_side)
  WHERE human AND person_id IS NOT NULL
  -- One person listed twice (author and co-author, or two addresses) counts once.
  QUALIFY row_number() OVER (PARTITION BY sha, person_id ORDER BY organization = 'Unknown', organization) = 1
)
SELECT sha, repo, category_id, quarter, week, person_id,
       1.0 / count(*) OVER (PARTITION BY sha) AS weight,
       organization
FROM credited
ORDER BY quarter, repo, sha, person_id
