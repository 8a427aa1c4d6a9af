-- unattributed_credits: the share of each team or export account's commit
-- (commits.is_unattributed) that belongs to no person, with the organization of the
-- account's address: human work counted for its company, never for a contributor.
-- The account is one of the commit's n contributors, so its share is 1/n, the
-- complement of what commit_credits gave the commit's human co-authors.
SELECT c.sha, c.repo, c.category_id, c.quarter, c.week,
  1.0 / (1 + (SELECT count(*) FROM commit_credits cc WHERE cc.sha = c.sha)) AS weight,
  coalesce(a.organization, 'Unknown') AS organization
FROM commits c
JOIN raw_commits r ON r.sha = c.sha AND r.repo = c.repo
LEFT JOIN identities a ON a.name = r.author_name AND a.email = r.author_email
WHERE c.is_unattributed AND NOT c.is_merge AND NOT c.is_bot AND c.quarter IS NOT NULL
ORDER BY c.quarter, c.repo, c.sha
