-- commits: one row per SHA in its home repository, with the instant it counts
-- at, its quarter and week, and who kind of author it had. Bogus and future
-- dates keep their row (for counts of what was skipped) but get no quarter, so
-- every quarterly figure leaves them out.
--
-- Author classes (data/README.md "Credit rules"), per commit:
-- * is_bot: automation. An agent that is also a [bot] account is an agent: its
--   commit is work to credit. A team or export account's commit whose subject is a
--   known automated one (team_automated_subjects: daily dependency bumps, tool
--   output) is automation too.
-- * is_unattributed: the rest of a team or export account's commits ("MediaPipe
--   Team", Copybara exports): human work that no person can be credited for.
-- * bulk_coauthors: a co-author list too long to be co-writing (a squash of a
--   branch that merged others' work, a rebase onto upstream), so the commit credits
--   its author only. From 10 co-authors (distinct people) on, whatever the subject:
--   the number of commits falls by half or more with each added co-author up to 8
--   (93,983 with one, 518 with five, 73 with eight), then stops falling (68 with
--   nine, 64 with ten, 358 with more), twenty times what the fall predicts from 10
--   on. From 5 co-authors when the subject says rebase, squash, sync, merge or
--   upstream, or the repository is a fork with a declared upstream, whose rebases
--   bring the upstream's authors in.
WITH coauthor_counts AS (
  -- People, not lines: one person listed under three addresses is one co-author.
  SELECT ca.repo, ca.sha, count(DISTINCT coalesce(i.person_id::VARCHAR, ca.name)) AS n
  FROM raw_coauthors ca
  LEFT JOIN identities i ON i.name = ca.name AND i.email = ca.email
  GROUP BY ca.repo, ca.sha
),
authors AS (
  SELECT c.repo, c.sha,
    coalesce(a.is_agent OR am.is_agent, false) AS agent,
    coalesce(a.is_bot OR am.is_bot, false) AS bot,
    coalesce(a.is_team OR am.is_team, false) AS team,
    EXISTS (SELECT 1 FROM team_automated_subjects t WHERE starts_with(lower(ltrim(c.subject)), t.prefix)) AS automated_subject
  FROM raw_commits c
  LEFT JOIN identities a ON a.name = c.author_name AND a.email = c.author_email
  LEFT JOIN identities am ON am.name = c.author_name_mm AND am.email = c.author_email_mm
)
SELECT
  c.sha,
  c.repo,
  r.category_id,
  c.ts,
  q.quarter,
  CAST(least(13, date_diff('second', q.start_ts, c.ts) // (7 * 86400)) AS SMALLINT) AS week,
  c.parent_count >= 2 AS is_merge,
  NOT w.agent AND (w.bot OR (w.team AND w.automated_subject)) AS is_bot,
  w.agent
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
  c.src_files,
  NOT w.agent AND NOT w.bot AND w.team AND NOT w.automated_subject AS is_unattributed,
  coalesce(n.n, 0) >= 10
    OR (coalesce(n.n, 0) >= 5 AND (
      coalesce(regexp_matches(lower(c.subject), '\b(rebas(e|ed|es|ing)|squash(ed|es|ing)?|sync(ed|s|ing)?|merg(e|ed|es|ing)|upstream)\b'), false)
      OR r.upstream IS NOT NULL)) AS bulk_coauthors
FROM raw_commits c
JOIN home_commits h ON h.sha = c.sha AND h.repo = c.repo
JOIN registry_repos r ON r.repo = c.repo
JOIN authors w ON w.repo = c.repo AND w.sha = c.sha
LEFT JOIN coauthor_counts n ON n.repo = c.repo AND n.sha = c.sha
LEFT JOIN quarters q ON c.ts >= q.start_ts AND c.ts < q.end_ts
ORDER BY c.ts, c.sha
