-- provenance_quarters: what each history holds against what counts there, per scope
-- and quarter (DESIGN §2 "Provenance"), so the report can say how many commits were
-- copies and how many changes nobody is credited with.
--
-- Why:
-- * held_commits counts every non-merge commit of the scope's histories with a
--   quarter, whoever it is credited to; home_commits those counted in this scope
--   (before the bot/human split, so they are more than `commits` in scope_quarters).
-- * A copy counted in another repository of the same scope (a category holding both
--   llama.cpp and ggml) is held twice and counted once: held - home is what the
--   SHA-only count would have added.
-- * uncredited_* are changes no tracked history is the home of: a fork's upstream
--   work whose upstream the dataset lacks, and copies whose declared origin was not
--   observed (llama.cpp's syncs after its stored history stops). Counted in the
--   scope whose history holds them; each change only once per scope.
WITH held AS (
  -- The quarter as quarters.sql names it, computed rather than joined on a range;
  -- bogus dates (before the first quarter) have none.
  SELECT p.repo, r.category_id, year(c.ts) || '-q' || quarter(c.ts) AS quarter, p.change_id, p.is_home, p.reason
  FROM commit_provenance p
  JOIN raw_commits c ON c.sha = p.sha AND c.repo = p.repo
  JOIN registry_repos r ON r.repo = p.repo
  WHERE NOT p.is_merge AND c.date_flag IS DISTINCT FROM 'bogus_date' AND c.ts IS NOT NULL
    AND c.ts >= (SELECT min(start_ts) FROM quarters) AND c.ts < (SELECT max(end_ts) FROM quarters)
)
SELECT
  scope_type_of(grouping(repo), grouping(category_id)) AS scope_type,
  scope_id_of(grouping(repo), grouping(category_id), repo, category_id) AS scope_id,
  quarter,
  count(*)::INTEGER AS held_commits,
  count(*) FILTER (WHERE is_home)::INTEGER AS home_commits,
  count(*) FILTER (WHERE reason LIKE 'counted_in%')::INTEGER AS copies_counted_elsewhere,
  count(DISTINCT change_id) FILTER (WHERE reason IN ('uncredited_upstream_history', 'uncredited_sibling_fork'))::INTEGER AS uncredited_upstream_changes,
  count(DISTINCT change_id) FILTER (WHERE reason = 'uncredited_sync_copy')::INTEGER AS uncredited_sync_copies
FROM held
GROUP BY GROUPING SETS ((repo, category_id, quarter), (category_id, quarter), (quarter))
ORDER BY scope_type, scope_id, quarter
