-- home_commits: the one tracked repository each SHA is counted for (DESIGN §2
-- "Duplicates"). Forks, mirrors and monorepos that imported older histories
-- repeat SHAs; a commit must count once, for its home.
--   1. A holder whose registry upstream also holds the SHA never keeps it.
--   2. Holders that are forks of the same upstream the dataset lacks
--      (e.g. two vendor forks of an unavailable serving engine) share the SHA
--      only because it came from that upstream: it is dropped, not credited to a fork.
--   3. Of the rest, the history that starts earliest keeps it (a monorepo that
--      imported a history starts later than the history itself... or equal; then
--      the smaller repository, which is the original), then the name.
WITH holders AS (
  SELECT DISTINCT sha, repo FROM raw_commits
),
repo_span AS (
  SELECT repo, min(ts) AS first_ts, count(*) AS n FROM raw_commits GROUP BY repo
),
judged AS (
  SELECT h.sha, h.repo, s.first_ts, s.n,
         r.upstream IS NOT NULL AND (
           EXISTS (SELECT 1 FROM holders u WHERE u.sha = h.sha AND u.repo = r.upstream)
           OR (
             NOT EXISTS (SELECT 1 FROM registry_repos ur WHERE ur.repo = r.upstream AND ur.ingested)
             AND EXISTS (
               SELECT 1 FROM holders o JOIN registry_repos orr ON orr.repo = o.repo
               WHERE o.sha = h.sha AND o.repo <> h.repo AND orr.upstream = r.upstream)
           )
         ) AS loses
  FROM holders h
  JOIN registry_repos r ON r.repo = h.repo
  JOIN repo_span s ON s.repo = h.repo
)
SELECT sha, repo
FROM judged
WHERE NOT loses
QUALIFY row_number() OVER (PARTITION BY sha ORDER BY first_ts NULLS LAST, n, repo) = 1
