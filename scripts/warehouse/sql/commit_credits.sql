-- commit_credits: the human contributors of each counted commit (author plus
-- co-authors, merged into people), each with weight 1/n so that shares add up
-- to the commit. Merges, bot commits and undated commits earn no credit.
-- The rules and their reasons (data/README.md "Credit rules"):
-- * A team or export account's commit (commits.is_unattributed) credits no person
--   for its author, but the author still holds one of the n shares: company_share
--   gives that share to the account's organization.
-- * A commit with a bulk co-author list (commits.bulk_coauthors) credits its author only.
-- * A co-author named without an address is the person coauthor_names resolved in
--   that repository, or nobody.
-- * When an AI agent is the author, the human who committed it is credited instead
--   (a web-flow committer, GitHub's noreply, is not a person), along with human
--   co-authors. When the history names no such human, the human author of the
--   merge that brought the agent's branch in (the commit is the merge's second
--   parent) is credited: GitHub's web flow hides the committer, not the merger.
WITH counted AS (
  SELECT c.sha, c.repo, c.category_id, c.quarter, c.week, c.is_unattributed, c.bulk_coauthors
  FROM commits c
  WHERE NOT c.is_merge AND NOT c.is_bot AND c.quarter IS NOT NULL
),
authored AS (
  SELECT k.*, r.committer_name, r.committer_email,
         coalesce(am.is_agent OR a.is_agent, false) AS agent_author,
         am.person_id, am.organization
  FROM counted k
  JOIN raw_commits r ON r.sha = k.sha AND r.repo = k.repo
  LEFT JOIN identities a ON a.name = r.author_name AND a.email = r.author_email
  LEFT JOIN identities am ON am.name = r.author_name_mm AND am.email = r.author_email_mm
),
author_side AS (
  SELECT w.sha, w.repo, w.category_id, w.quarter, w.week, w.is_unattributed, w.agent_author,
         CASE WHEN w.agent_author THEN cm.person_id ELSE w.person_id END AS person_id,
         CASE WHEN w.agent_author THEN cm.organization ELSE w.organization END AS organization,
         CASE WHEN w.agent_author
              THEN NOT (cm.is_bot OR cm.is_agent OR cm.is_team) AND w.committer_email <> 'noreply@github.com' AND w.committer_name <> 'GitHub'
              ELSE NOT w.is_unattributed END AS human
  FROM authored w
  LEFT JOIN identities cm ON cm.name = w.committer_name AND cm.email = w.committer_email
),
coauthor_side AS (
  SELECT w.sha, w.repo, w.category_id, w.quarter, w.week, w.is_unattributed, w.agent_author,
         CASE WHEN ca.email = '' THEN cn.person_id ELSE ci.person_id END AS person_id,
         CASE WHEN ca.email = '' THEN cn.organization ELSE ci.organization END AS organization,
         NOT (ci.is_bot OR ci.is_agent OR ci.is_team) AS human
  FROM authored w
  JOIN raw_coauthors ca ON ca.sha = w.sha AND ca.repo = w.repo
  JOIN identities ci ON ci.name = ca.name AND ci.email = ca.email
  LEFT JOIN coauthor_names cn ON cn.repo = ca.repo AND cn.name = ca.name
  WHERE NOT w.bulk_coauthors
),
named AS (
  SELECT * FROM author_side WHERE human AND person_id IS NOT NULL
  UNION ALL
  SELECT * FROM coauthor_side WHERE human AND person_id IS NOT NULL
),
merged_by AS (
  SELECT w.sha, w.repo, w.category_id, w.quarter, w.week, w.is_unattributed, w.agent_author,
         mi.person_id, mi.organization, true AS human
  FROM authored w
  JOIN raw_commits m ON m.repo = w.repo AND m.parent_count >= 2 AND string_split(m.parents, ' ')[2] = w.sha
  JOIN identities mi ON mi.name = coalesce(m.author_name_mm, m.author_name) AND mi.email = coalesce(m.author_email_mm, m.author_email)
  WHERE w.agent_author
    AND NOT (mi.is_bot OR mi.is_agent OR mi.is_team) AND mi.person_id IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM named n WHERE n.sha = w.sha)
  -- A branch merged twice (into main, then into a release line) was brought in by the first merge.
  QUALIFY row_number() OVER (PARTITION BY w.sha ORDER BY m.ts, m.sha) = 1
),
credited AS (
  SELECT sha, repo, category_id, quarter, week, is_unattributed, person_id, organization
  FROM (SELECT * FROM named UNION ALL SELECT * FROM merged_by)
  -- One person listed twice (author and co-author, or two addresses) counts once.
  QUALIFY row_number() OVER (PARTITION BY sha, person_id ORDER BY organization = 'Unknown', organization) = 1
)
SELECT sha, repo, category_id, quarter, week, person_id,
       1.0 / (count(*) OVER (PARTITION BY sha) + CASE WHEN is_unattributed THEN 1 ELSE 0 END) AS weight,
       organization
FROM credited
ORDER BY quarter, repo, sha, person_id
