-- core_team: how many people carry a scope's work (a repository, a category, the whole
-- tracked set 'all') in a quarter. core_50 and core_80 are the fewest people whose
-- commit credit (commit_credits.weight, 1/n of each commit) makes at least half and at
-- least four fifths of the scope's; steady_contributors are the people with commits in
-- 8 or more of the quarter's weeks (week indexes 0..13).
--
-- Why:
-- * The denominator is the credit people hold: team and export accounts' work and
--   commits credited to nobody are nobody's, so they are in no one's share (their
--   count is scope_quarters.unattributed_commits). credit is that total.
-- * People are taken largest credit first; the count does not depend on how ties are
--   broken (equal credits are interchangeable). Credits are exact integer sums
--   (credit_nanos), so a running sum that lands exactly on half counts as half whatever
--   the order of additions.
-- * Active weeks roll up across a scope's repositories as a 14-bit mask (as in
--   scope_quarters), so one week in two repositories is one week. 8 weeks is most of a
--   quarter: a regular, not a visitor. A partial quarter has fewer weeks to reach it.
-- * Small cells: a size of 1 or 2 is left empty (NULL), and so is a steady count under 3
--   (0 included). "One person made half the commits of this project" names that person's
--   share to anyone who reads the public history, as a repository's company share would
--   (company_share keeps repository rows in the warehouse for the same reason). An
--   empty core_50/core_80 therefore reads "fewer than 3"; an empty steady count "0 to 2".
-- * Bogus dates (quarter NULL) are left out. partial and observed come from
--   scope_quarters: a history that stops early takes its people with it.
WITH
person_repo AS (
  SELECT person_id, repo, category_id, quarter,
    sum(credit_units(weight)) AS units,
    bit_or(1::INTEGER << week) AS week_mask
  FROM commit_credits
  WHERE quarter IS NOT NULL
  GROUP BY ALL
),
person_scope AS (
  SELECT
    scope_type_of(grouping(repo), grouping(category_id)) AS scope_type,
    scope_id_of(grouping(repo), grouping(category_id), repo, category_id) AS scope_id,
    quarter, person_id,
    units_nanos(sum(units)) AS credit,
    bit_count(bit_or(week_mask)) AS weeks
  FROM person_repo
  GROUP BY GROUPING SETS ((person_id, repo, category_id, quarter), (person_id, category_id, quarter), (person_id, quarter))
),
ranked AS (
  SELECT *,
    row_number() OVER w AS rank,
    sum(credit) OVER w AS running,
    sum(credit) OVER (PARTITION BY scope_type, scope_id, quarter) AS total
  FROM person_scope
  WINDOW w AS (PARTITION BY scope_type, scope_id, quarter ORDER BY credit DESC, person_id ROWS UNBOUNDED PRECEDING)
),
sizes AS (
  SELECT scope_type, scope_id, quarter,
    count(*) AS contributors,
    any_value(total) AS credit,
    -- Half and 80 % of the total in nanos, rounded half up (exact: whole numbers, and
    -- (8 × total + 5) / 10 is never whole, so floor cannot fall on the wrong side).
    min(rank) FILTER (WHERE running >= floor((total + 1) / 2)) AS core_50,
    min(rank) FILTER (WHERE running >= floor((total * 8 + 5) / 10)) AS core_80,
    count(*) FILTER (WHERE weeks >= 8) AS steady
  FROM ranked
  GROUP BY ALL
)
SELECT s.scope_type, s.scope_id, q.category_id, s.quarter, q.seq, q.partial, q.observed,
  s.contributors::INTEGER AS contributors,
  nanos_credit(s.credit) AS credit,
  CASE WHEN s.core_50 >= 3 THEN s.core_50 END::INTEGER AS core_50,
  CASE WHEN s.core_80 >= 3 THEN s.core_80 END::INTEGER AS core_80,
  CASE WHEN s.steady >= 3 THEN s.steady END::INTEGER AS steady_contributors
FROM sizes s
JOIN scope_quarters q USING (scope_type, scope_id, quarter)
ORDER BY s.scope_type, s.scope_id, q.seq
