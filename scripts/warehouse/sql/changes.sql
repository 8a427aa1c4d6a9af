-- changes: a patch identity for every commit, so that one change copied under new
-- SHAs (sync scripts, cherry-picks, history moved between repositories, imports into
-- a monorepo) is recognised as one change (DESIGN §2 "Provenance").
--
-- Why the key is what it is:
-- * Copies keep the author and the author date to the second (git carries both
--   through cherry-pick, rebase, am and filter-repo); different changes by the same
--   person in the same second are rare, but real (a rebased stack, a bot's batch):
--   so the key also needs a corroborating subject.
-- * The subject is compared without what copies add or drop: PR references in any
--   form ("(#7233)", "(llama/7233)", "(PL^4261)", "(owner/repo#N)"), leading
--   bracket tags ("[SYCL] "), case and spacing.
-- * Where subjects still differ, the same PR number with the same lines added and
--   deleted corroborates instead (one step of linking, enough for the sync tags).
-- * A commit with no usable author date or author keeps its SHA as its identity:
--   it can only be de-duplicated by SHA.
-- * Merges carry no patch of their own: they are identified by SHA only.
WITH base AS (
  SELECT
    sha, repo, parent_count, lines_added, lines_deleted,
    coalesce(nullif(lower(trim(author_email)), ''), nullif(lower(trim(author_name)), '')) AS who,
    epoch(try_cast(author_date AS TIMESTAMPTZ))::BIGINT AS secs,
    regexp_replace(subject, '[\w.-]+/[\w.-]+#(\d+)', '#\1', 'g') AS subj
  FROM raw_commits
),
keyed AS (
  SELECT
    sha, repo, lines_added, lines_deleted,
    parent_count < 2 AND who IS NOT NULL AND secs IS NOT NULL AS has_patch_key,
    who || '|' || secs || '|' || lower(trim(regexp_replace(regexp_replace(
      regexp_replace(subj, '\s*\((#|PL\^|[\w.-]+/)\d+\)', ' ', 'g'),
      '^(\s*\[[^\]]*\])+', ''), '\s+', ' ', 'g'))) AS by_subject,
    who || '|' || secs || '|#' || regexp_extract(subj, '\((#|PL\^|[\w.-]+/)(\d+)\)\s*$', 2) || '|' || lines_added || '|' || lines_deleted AS by_pr,
    regexp_extract(subj, '\((#|PL\^|[\w.-]+/)(\d+)\)\s*$', 2) <> '' AS has_pr
  FROM base
),
linked AS (
  SELECT *,
    CASE WHEN has_pr THEN least(by_subject, min(by_subject) OVER (PARTITION BY by_pr)) ELSE by_subject END AS via_pr
  FROM keyed
  WHERE has_patch_key
)
SELECT sha, repo, hex(hash(min(via_pr) OVER (PARTITION BY by_subject))) AS change_id
FROM linked
UNION ALL
SELECT sha, repo, sha AS change_id
FROM keyed
WHERE NOT has_patch_key
