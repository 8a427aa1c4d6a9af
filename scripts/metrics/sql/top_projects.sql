-- top_projects: repositories ranked by contributors each quarter, within their category
-- and overall (ties: more commits first, then repo name).
--
-- Why: derived from scope_quarters' repo rows so the numbers match it exactly; only
-- repos with activity that quarter (a human commit or a contributor) are ranked.
-- new_contributors are new to the repo (not to the ecosystem); returning = retained +
-- reactivated.
SELECT quarter, category_id, scope_id AS repo,
  contributors,
  new_contributors,
  (contributors - new_contributors)::INTEGER AS returning_contributors,
  commits,
  row_number() OVER (PARTITION BY quarter, category_id ORDER BY contributors DESC, commits DESC, scope_id)::INTEGER AS rank_in_category,
  row_number() OVER (PARTITION BY quarter ORDER BY contributors DESC, commits DESC, scope_id)::INTEGER AS rank_overall
FROM scope_quarters
WHERE scope_type = 'repo' AND (commits > 0 OR contributors > 0)
ORDER BY quarter, rank_overall
