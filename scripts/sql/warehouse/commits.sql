-- commits: one row per SHA in its home repository, with the instant it counts
-- at, its quarter and week, and who kind of author it had. Bogus and future
-- dates keep their row (for counts of what was skipped) but get no quarter, so
-- every quarterly figure leaves them out.
SELECT
  c.sha,
  c.repo,
  r.category_id,
  c.ts,
  q.quarter,
  CAST(least(13, date_diff('second', q.start_ts, c.ts) // (7 * 86400)) AS SMALLINT) AS week,
  c.parent_count >= 2 AS is_merge,
  -- An agent that is also a [bot] account is an agent: its commit is work to credit.
  coalesce((a.is_bot OR am.is_bot) AND NOT (a.is_agent OR am.is_agent), false) AS is_bot,
  coalesce(a.is_agent OR am.is_agent, false)
    OR EXISTS (SELECT 1 FROM raw_coauthors ca JOIN identities ci ON ci.name = ca.name AND ci.email = ca.email
               WHERE ca.repo = c.repo AND ca.sha = c.sha AND ci.is_agent) AS agent_assisted,
  c.date_flag,
  c.work_kind,
  c.files_changed,
  c.lines_added,
  c.lines_deleted,
  c.test_lines,
  c.src_lines,
  c.test_files,
  c.src_files
FROM raw_commits c
JOIN home_commits h ON h.sha = c.sha AND h.repo = c.repo
JOIN registry_repos r ON r.repo = c.repo
LEFT JOIN quarters q ON c.ts >= q.start_ts AND c.ts < q.end_ts
LEFT JOIN identities a ON a.name = c.author_name AND a.email = c.author_email
LEFT JOIN identities am ON am.name = c.author_name_mm AND am.email = c.author_email_mm
ORDER BY c.ts, c.sha
