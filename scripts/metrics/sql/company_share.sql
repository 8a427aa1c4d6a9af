-- company_share: commit credit per organization in each scope (repo, category, 'all')
-- and quarter. A commit with n human contributors gives each 1/n (commit_credits.weight),
-- so a scope-quarter's total credit is its number of credited commits, unattributed
-- ones included.
--
-- A team or export account's commit (commits.is_unattributed: "MediaPipe Team", a
-- Copybara export) is human work with no person to credit: its author's share goes
-- to the account's organization (google.com → Google): unattributed_credits holds the
-- 1/n that commit_credits left unassigned (n counts the account and the human co-authors).
--
-- Why:
-- * Bogus dates have quarter NULL; they are left out of every figure.
-- * organization should never be NULL (unmapped domains, webmail and noreply are
--   'Unknown' in the warehouse); a NULL is folded into 'Unknown' so it cannot vanish
--   from the shares.
-- * people counts the persons credited (team and export accounts are none): publishing
--   repository rows folds organizations of fewer than 3 people, whose share would point
--   at a person.
-- * Credit sums are exact (credit_nanos: integers, rounded to 1e-9): a float sum's last
--   bits follow the order rows arrive in, and a published quarter must be byte-stable;
--   rank ties (equal credit) are then broken by organization name, not by float noise.
WITH credit AS (
  SELECT
    scope_type_of(grouping(repo), grouping(category_id)) AS scope_type,
    scope_id_of(grouping(repo), grouping(category_id), repo, category_id) AS scope_id,
    quarter, organization,
    credit_nanos(weight) AS credit,
    count(DISTINCT person_id) AS people
  FROM (
    SELECT repo, category_id, quarter, weight, coalesce(organization, 'Unknown') AS organization, person_id
    FROM commit_credits
    WHERE quarter IS NOT NULL
    UNION ALL
    SELECT repo, category_id, quarter, weight, coalesce(organization, 'Unknown'), CAST(NULL AS BIGINT)
    FROM unattributed_credits
    WHERE quarter IS NOT NULL
  )
  GROUP BY GROUPING SETS ((repo, quarter, organization), (category_id, quarter, organization), (quarter, organization))
)
SELECT scope_type, scope_id, quarter, organization,
  nanos_credit(credit) AS credit,
  nanos_credit(credit) / nanos_credit(sum(credit) OVER (PARTITION BY scope_type, scope_id, quarter)) AS share,
  row_number() OVER (PARTITION BY scope_type, scope_id, quarter ORDER BY credit DESC, organization)::INTEGER AS rank,
  people::INTEGER AS people
FROM credit
ORDER BY scope_type, scope_id, quarter, rank
