-- company_share: commit credit by organization (email domain), per category, overall and
-- per repository. At a repository's grain a small organization's share can point at a
-- person, so there every organization with fewer than 3 people credited in the
-- repository and quarter is folded into one 'Fewer than 3 people' row (and the ranks
-- follow the folded rows). The people counts themselves stay in the warehouse.
WITH repo_rows AS (
  SELECT scope_type, scope_id, quarter,
    CASE WHEN people >= 3 THEN organization ELSE 'Fewer than 3 people' END AS organization,
    round(sum(credit), 9) AS credit
  FROM company_share
  WHERE scope_type = 'repo' AND quarter IN (SELECT quarter FROM publish_window)
  GROUP BY ALL
),
repo_ranked AS (
  SELECT scope_type, scope_id, quarter, organization, credit::DOUBLE AS credit,
    (credit / round(sum(credit) OVER (PARTITION BY scope_id, quarter), 9))::DOUBLE AS share,
    row_number() OVER (PARTITION BY scope_id, quarter ORDER BY credit DESC, organization)::INTEGER AS rank
  FROM repo_rows
)
SELECT scope_type, scope_id, quarter, organization, credit, share, rank
FROM company_share
WHERE quarter IN (SELECT quarter FROM publish_window) AND scope_type <> 'repo'
UNION ALL
SELECT * FROM repo_ranked
ORDER BY quarter, scope_type, scope_id, rank
