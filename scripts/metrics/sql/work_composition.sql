-- work_composition: human commits per scope (repo, category, 'all'), quarter and kind of
-- work (perf, feature, fix, test, docs, ci), with each kind's share of the
-- scope-quarter's commits. Only kinds that occur get a row.
--
-- Why the filters:
-- * Bogus dates have quarter NULL; they are left out of every figure.
-- * Merges and bot commits are not work (design §2), so they are left out here just as
--   they are left out of scope_quarters.commits; the shares therefore sum to 1 over the
--   same commits that scope_quarters counts.
WITH kinds AS (
  SELECT
    scope_type_of(grouping(repo), grouping(category_id)) AS scope_type,
    scope_id_of(grouping(repo), grouping(category_id), repo, category_id) AS scope_id,
    quarter, work_kind,
    count(*) AS commits
  FROM commits
  WHERE quarter IS NOT NULL AND NOT is_merge AND NOT is_bot
  GROUP BY GROUPING SETS ((repo, quarter, work_kind), (category_id, quarter, work_kind), (quarter, work_kind))
)
SELECT scope_type, scope_id, quarter, work_kind,
  commits::INTEGER AS commits,
  (commits / sum(commits) OVER (PARTITION BY scope_type, scope_id, quarter))::DOUBLE AS share
FROM kinds
ORDER BY scope_type, scope_id, quarter, work_kind
