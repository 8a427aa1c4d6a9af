-- person_activity: one row per person, repo and quarter with any commit credit: the
-- person's credit (sum of 1/n weights), credited commits and distinct active weeks.
-- It stays in the warehouse and is never published: person ids come from public
-- histories by public rules, so anyone rerunning the engine could name every row. What
-- readers get from it are counts (category_overlap_thresholds and
-- category_migration_thresholds), and tests recount those from it.
--
-- Why:
-- * Bogus dates have quarter NULL; they are left out of every figure.
-- * weeks is per repo; a person's weeks in a category are not the sum over its repos
--   (the same week can be active in two repos), so readers must not add them up.
-- * Credits are exact sums (credit_nanos) so results do not depend on summation order.
SELECT person_id, repo, category_id, quarter,
  nanos_credit(credit_nanos(weight)) AS credit,
  count(*)::INTEGER AS commits,
  count(DISTINCT week)::INTEGER AS weeks
FROM commit_credits
WHERE quarter IS NOT NULL
GROUP BY person_id, repo, category_id, quarter
ORDER BY quarter, repo, person_id
