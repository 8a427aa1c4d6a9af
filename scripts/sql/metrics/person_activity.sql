-- person_activity: one row per person, repo and quarter with any commit credit: the
-- person's credit (sum of 1/n weights), credited commits and distinct active weeks.
-- Pseudonymous (person_id only); the browser re-derives overlap and migration from it
-- with a minimum-commits threshold.
--
-- Why:
-- * Bogus dates have quarter NULL; they are left out of every figure.
-- * weeks is per repo; a person's weeks in a category are not the sum over its repos
--   (the same week can be active in two repos), so readers must not add them up.
-- * Credits are rounded to 1e-9 so the published bytes do not depend on float
--   summation order.
SELECT person_id, repo, category_id, quarter,
  round(sum(weight), 9)::DOUBLE AS credit,
  count(*)::INTEGER AS commits,
  count(DISTINCT week)::INTEGER AS weeks
FROM commit_credits
WHERE quarter IS NOT NULL
GROUP BY person_id, repo, category_id, quarter
ORDER BY quarter, repo, person_id
