-- headline: the figures at the top of an article for quarter $1.
--
-- Why: tracked_repos counts every repository in the registry, the unavailable ones
-- too, because the report states what it set out to read; active_repos is what had
-- human commits in the quarter. QoQ columns are like-for-like (repositories observed
-- in both quarters; qoq_basis_excludes names those a history stopping early leaves
-- out) and NULL when the quarter is partial or that basis holds too little of the
-- quarter before; *_prev tells "new" (0) from those.
SELECT
  s.quarter,
  s.partial,
  s.observed,
  (SELECT count(*) FROM repos)::INTEGER AS tracked_repos,
  (SELECT count(*) FROM repos WHERE ingested)::INTEGER AS ingested_repos,
  s.active_repos,
  s.commits,
  s.contributors,
  s.new_contributors,
  s.new_to_ecosystem,
  s.active_repos_prev,
  s.commits_prev,
  s.contributors_prev,
  s.active_repos_qoq,
  s.commits_qoq,
  s.contributors_qoq,
  s.qoq_basis_excludes
FROM scope_quarters s
WHERE s.scope_type = 'all' AND s.quarter = $1
