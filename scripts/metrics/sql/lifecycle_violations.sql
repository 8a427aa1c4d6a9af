-- lifecycle_violations: a check, not a figure. Returns one row per scope, quarter and
-- rule that fails; an empty table means the lifecycle figures add up.
--
-- Rules (design §2):
-- * active(Q) = new + retained + reactivated
-- * active(Q-1) = retained + churned
-- * contributors_prev is the previous quarter's contributors (0 before the first)
-- * new_to_ecosystem <= new_contributors, and equal in the 'all' scope
WITH checks AS (
  SELECT scope_type, scope_id, quarter, 'contributors = new + retained + reactivated' AS rule,
    contributors AS expected, new_contributors + retained + reactivated AS actual
  FROM scope_quarters
  UNION ALL
  SELECT scope_type, scope_id, quarter, 'contributors_prev = retained + churned',
    contributors_prev, retained + churned
  FROM scope_quarters
  UNION ALL
  SELECT scope_type, scope_id, quarter, 'contributors_prev = contributors of Q-1',
    coalesce(lag(contributors) OVER (PARTITION BY scope_type, scope_id ORDER BY seq), 0),
    contributors_prev
  FROM scope_quarters
  UNION ALL
  SELECT scope_type, scope_id, quarter, 'new_to_ecosystem <= new_contributors',
    new_contributors, greatest(new_contributors, new_to_ecosystem)
  FROM scope_quarters
  UNION ALL
  SELECT scope_type, scope_id, quarter, 'all scope: new_to_ecosystem = new_contributors',
    new_contributors, new_to_ecosystem
  FROM scope_quarters
  WHERE scope_type = 'all'
)
SELECT scope_type, scope_id, quarter, rule, expected::INTEGER AS expected, actual::INTEGER AS actual
FROM checks
WHERE expected IS DISTINCT FROM actual
ORDER BY scope_type, scope_id, quarter, rule
