-- commit_sizes: per repository and quarter, how its human work arrived: the commits,
-- the lines they changed, and the largest single commit's lines and share of them.
--
-- Why: a repository that lands weeks of work as one release drop (a sync, an export, an
-- import) and later switches to per-change commits (NVIDIA/nccl in 2026) shows a jump in
-- commits that is not a jump in work. The artefact guard (src/lib/explain-change.ts)
-- tells the two apart from this table: commits that jump while lines per commit
-- collapse, or one commit carrying most of a quarter's lines.
--
-- Why the filters:
-- * Human work only (non-merge, non-bot), so commits equals scope_quarters.commits of
--   the repository and the two tables can be read together.
-- * lines = added + deleted over every path, docs, generated and vendored code
--   included: a release drop brings all of them. Binary files (git's '-') count 0.
-- * Bogus dates have quarter NULL; they are left out of every figure.
-- * Only repository-quarters with a commit get a row.
WITH sized AS (
  SELECT repo, category_id, quarter,
    coalesce(lines_added, 0) + coalesce(lines_deleted, 0) AS lines
  FROM commits
  WHERE quarter IS NOT NULL AND NOT is_merge AND NOT is_bot
)
SELECT repo, category_id, quarter,
  count(*)::INTEGER AS commits,
  sum(lines)::BIGINT AS lines,
  max(lines)::BIGINT AS largest_commit_lines,
  CASE WHEN sum(lines) > 0 THEN max(lines) / sum(lines) END::DOUBLE AS largest_commit_share
FROM sized
GROUP BY repo, category_id, quarter
ORDER BY quarter, repo
