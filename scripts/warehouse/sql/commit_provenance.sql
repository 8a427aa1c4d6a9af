-- commit_provenance: for every commit of every tracked history, whether this is
-- where the change counts (its home) and, when it is not, why (DESIGN §2
-- "Provenance": one change, one home).
--
-- A holder never keeps a change when
-- * its registry upstream holds the same change (the upstream is its home, even
--   when the fork committed it first: forks get only their own work);
-- * its own history shows the commit came from its upstream (fork_upstream_commits:
--   behind the second parent of a merge that brought the upstream in);
-- * it is a fork of an upstream the dataset lacks and another fork of that upstream
--   holds the same change (it came from the upstream, not from either fork);
-- * its subject carries a declared sync marker (sync_markers): it is a copy of the
--   origin's change, counted at the origin when the origin holds it, else nowhere;
-- * the same change is already in the same history under another SHA (a duplicate
--   line of history merged back in): the first committed counts.
-- Of the holders left, the repository where the change was committed first is its
-- home (then: the history that starts first, the smaller one, the name), so a
-- history moved or imported elsewhere under new SHAs stays with its original.
-- A change with no holder left is credited to nobody; `reason` says why.
-- Holders are a table of their own (change_holders.sql): a CTE read four times here was
-- held in memory, and at 10x the real dataset that alone broke a 5 GB cap.
WITH holders AS (SELECT * FROM change_holders),
repo_span AS (
  SELECT repo, min(ts) AS first_ts, count(*) AS n FROM raw_commits GROUP BY repo
),
-- A fork's holders whose upstream holds the same change, and those another fork of the
-- same upstream holds too: semi-joins (which spill), not per-change lists (which at 10x
-- the real dataset held 13.6 M lists in memory and broke a 5 GB cap).
upstream_holds AS (
  SELECT DISTINCT h.change_id, h.repo
  FROM holders h
  JOIN holders u ON u.change_id = h.change_id AND u.repo = h.upstream
  WHERE h.upstream IS NOT NULL
),
sibling_holds AS (
  SELECT DISTINCT h.change_id, h.repo
  FROM holders h
  JOIN holders s ON s.change_id = h.change_id AND s.upstream = h.upstream AND s.repo <> h.repo
  WHERE h.upstream IS NOT NULL
),
marked AS (
  SELECT h.sha, h.repo, any_value(m.origins) AS origins
  FROM holders h
  JOIN sync_markers m ON m.repo = h.repo AND regexp_matches(h.subject, m.marker)
  GROUP BY h.sha, h.repo
),
-- Without the subject (only marked reads it): the window sorts below carry every
-- column of every commit, and at 10x the real dataset the subjects alone broke a 5 GB cap.
judged AS (
  SELECT
    h.sha, h.repo, h.change_id, h.is_merge, h.committed_at, h.upstream, h.upstream_missing,
    s.first_ts, s.n, m.origins,
    CASE
      WHEN uh.repo IS NOT NULL THEN 'upstream_holds'
      WHEN f.sha IS NOT NULL THEN 'upstream_history'
      WHEN h.upstream_missing AND sh.repo IS NOT NULL THEN 'sibling_fork'
      WHEN m.origins IS NOT NULL AND NOT list_contains(m.origins, h.repo) THEN 'sync_copy'
      WHEN row_number() OVER (PARTITION BY h.change_id, h.repo ORDER BY h.committed_at NULLS LAST, h.sha) > 1 THEN 'duplicate'
    END AS loses
  FROM holders h
  LEFT JOIN upstream_holds uh ON uh.change_id = h.change_id AND uh.repo = h.repo
  LEFT JOIN sibling_holds sh ON sh.change_id = h.change_id AND sh.repo = h.repo
  JOIN repo_span s ON s.repo = h.repo
  LEFT JOIN marked m ON m.sha = h.sha AND m.repo = h.repo
  LEFT JOIN fork_upstream_commits f ON f.sha = h.sha AND f.repo = h.repo
),
ranked AS (
  SELECT *,
    CASE WHEN loses IS NULL THEN row_number() OVER (
      PARTITION BY change_id, loses IS NULL
      ORDER BY committed_at NULLS LAST, first_ts NULLS LAST, n, repo, sha) END AS home_rank
  FROM judged
),
homes AS (
  SELECT change_id, repo AS home_repo FROM ranked WHERE home_rank = 1
)
SELECT
  r.sha, r.repo, r.change_id, r.is_merge,
  coalesce(r.home_rank = 1, false) AS is_home,
  h.home_repo,
  CASE
    WHEN r.home_rank = 1 THEN 'home'
    WHEN h.home_repo IS NOT NULL THEN 'counted_in_' || CASE WHEN h.home_repo = r.repo THEN 'same_repo' ELSE 'other_repo' END
    ELSE 'uncredited_' || coalesce(r.loses, 'unknown')
  END AS reason,
  r.loses
FROM ranked r
LEFT JOIN homes h USING (change_id)
