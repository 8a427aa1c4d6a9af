-- scope_quarters: one row per scope (a repo, a category, or the whole ecosystem 'all')
-- and quarter, from the scope's first quarter with any dated commit through the newest
-- quarter, including quarters with no activity so that churn shows.
--
-- Why the filters:
-- * Bogus dates have quarter NULL; they are left out of every figure.
-- * commits, test/src lines and files, agent_assisted_commits and active_repos count
--   human work only (non-merge, non-bot). merge_commits counts every merge (bot or not)
--   and bot_commits counts non-merge bot commits, so commits + merge_commits +
--   bot_commits is every dated commit of the scope.
-- * People come from commit_credits, which already holds only the human contributors
--   of human work; a commit with no human contributor (an agent with no human
--   committer) counts in commits but credits nobody.
-- * Lifecycle is per person within the scope: new = first credit in the scope is in Q;
--   retained = active in Q-1 and Q; reactivated = active in Q, not in Q-1, seen
--   earlier; churned (reported in Q) = active in Q-1, not in Q. This makes
--   contributors = new + retained + reactivated and contributors_prev = retained +
--   churned hold by construction (lifecycle_violations checks them).
-- * observed: tracked_until marks a history that stops early (not inactivity). A repo
--   keeps its rows after it (a repo has a row in every quarter after its first) with observed =
--   false from the first quarter it is not tracked to the end of; its category and
--   'all' have observed = false in that quarter and the next, whose changes from
--   Q-1 (commits lost, contributors "churning") are artefacts of tracking. Lifecycle
--   counts stay as computed there (so the invariants hold); readers should flag them.
-- * QoQ figures are like-for-like: they compare Q with Q-1 over the repositories of
--   the scope observed in both quarters (tracked to Q's end), so a history that stops
--   early takes its commits, people and repo out of both sides instead of showing as
--   a loss. Contributors on that basis are people active in Q in those repos vs people
--   active in Q-1 in the same repos. Where nothing stops, the basis is the whole scope
--   and QoQ is the plain (x_Q − x_Q-1) / x_Q-1.
-- * qoq_basis_share is the share of Q-1's commits made in that basis; below 0.8 (more
--   than a fifth of the quarter before left out) the change would describe too little
--   of the scope, so QoQ is NULL ("not comparable"). In the data as of 2026 the lowest
--   share is 0.82 (NVIDIA/NeMo in distributed-training, 2025-q3): every category keeps
--   a QoQ, while a scope made mostly of a stopped history (a repo itself) gets none.
-- * qoq_basis_excludes names the repositories left out because their history stops in
--   Q-1 or Q (exactly where a category's or 'all''s observed is false), so readers
--   are told what the change leaves out; histories that stopped earlier hold nothing
--   in either quarter and are not named.
-- * QoQ figures are also NULL when the previous value is 0 (the site shows "new") and
--   when this quarter is partial (never compared as if complete).
WITH
dated AS (
  SELECT c.*, q.seq
  FROM commits c
  JOIN quarters q USING (quarter)
  WHERE c.quarter IS NOT NULL
),
-- Commit-side figures; GROUPING() (not NULL tests) tells the scope levels apart.
commit_figures AS (
  SELECT
    scope_type_of(grouping(repo), grouping(category_id)) AS scope_type,
    scope_id_of(grouping(repo), grouping(category_id), repo, category_id) AS scope_id,
    CASE WHEN grouping(category_id) = 0 THEN category_id END AS category_id,
    seq,
    count(*) FILTER (WHERE NOT is_merge AND NOT is_bot) AS commits,
    count(*) FILTER (WHERE is_merge) AS merge_commits,
    count(*) FILTER (WHERE is_bot AND NOT is_merge) AS bot_commits,
    count(*) FILTER (WHERE agent_assisted AND NOT is_merge AND NOT is_bot) AS agent_assisted_commits,
    -- Of commits: team and export accounts' work, which credits no person, and
    -- commits whose bulk co-author list was not credited (data/README.md "Credit rules").
    count(*) FILTER (WHERE is_unattributed AND NOT is_merge AND NOT is_bot) AS unattributed_commits,
    count(*) FILTER (WHERE bulk_coauthors AND NOT is_merge AND NOT is_bot) AS bulk_coauthor_commits,
    count(DISTINCT repo) FILTER (WHERE NOT is_merge AND NOT is_bot) AS active_repos,
    coalesce(sum(test_lines) FILTER (WHERE NOT is_merge AND NOT is_bot), 0) AS test_lines,
    coalesce(sum(src_lines) FILTER (WHERE NOT is_merge AND NOT is_bot), 0) AS src_lines,
    coalesce(sum(test_files) FILTER (WHERE NOT is_merge AND NOT is_bot), 0) AS test_files,
    coalesce(sum(src_files) FILTER (WHERE NOT is_merge AND NOT is_bot), 0) AS src_files
  FROM dated
  GROUP BY GROUPING SETS ((repo, category_id, seq), (category_id, seq), (seq))
),
-- Concentration: the repo with the most human commits in each category and overall.
repo_rank AS (
  SELECT scope_id AS repo, category_id, seq, commits,
    row_number() OVER (PARTITION BY category_id, seq ORDER BY commits DESC, scope_id) AS rank_in_category,
    row_number() OVER (PARTITION BY seq ORDER BY commits DESC, scope_id) AS rank_overall
  FROM commit_figures
  WHERE scope_type = 'repo' AND commits > 0
),
top_repo AS (
  SELECT 'category' AS scope_type, category_id AS scope_id, seq, repo, commits
  FROM repo_rank WHERE rank_in_category = 1
  UNION ALL
  SELECT 'all', 'all', seq, repo, commits
  FROM repo_rank WHERE rank_overall = 1
),
-- One row per person, scope and quarter they were active in, with their active weeks
-- as a 14-bit mask so that weeks roll up across repos without double counting.
person_repo AS (
  SELECT cc.person_id, cc.repo, cc.category_id, q.seq,
    bit_or(1::INTEGER << cc.week) AS week_mask
  FROM commit_credits cc
  JOIN quarters q USING (quarter)
  WHERE cc.quarter IS NOT NULL
  GROUP BY ALL
),
person_scope AS (
  SELECT
    scope_type_of(grouping(repo), grouping(category_id)) AS scope_type,
    scope_id_of(grouping(repo), grouping(category_id), repo, category_id) AS scope_id,
    person_id, seq,
    bit_count(bit_or(week_mask)) AS weeks
  FROM person_repo
  GROUP BY GROUPING SETS ((person_id, repo, category_id, seq), (person_id, category_id, seq), (person_id, seq))
),
person_life AS (
  SELECT scope_type, scope_id, person_id, seq, weeks,
    min(seq) OVER (PARTITION BY scope_type, scope_id, person_id) AS first_seq,
    lag(seq) OVER w AS prev_seq,
    lead(seq) OVER w AS next_seq,
    -- Every credit appears in the 'all' scope, so the minimum over all of a person's
    -- rows is their first quarter anywhere in the ecosystem.
    min(seq) OVER (PARTITION BY person_id) AS eco_first_seq
  FROM person_scope
  WINDOW w AS (PARTITION BY scope_type, scope_id, person_id ORDER BY seq)
),
people_figures AS (
  SELECT scope_type, scope_id, seq,
    count(*) AS contributors,
    count(*) FILTER (WHERE seq = first_seq) AS new_contributors,
    count(*) FILTER (WHERE seq = eco_first_seq) AS new_to_ecosystem,
    count(*) FILTER (WHERE prev_seq = seq - 1) AS retained,
    count(*) FILTER (WHERE prev_seq < seq - 1) AS reactivated,
    avg(weeks)::DOUBLE AS mean_active_weeks,
    median(weeks)::DOUBLE AS median_active_weeks,
    (count(*) FILTER (WHERE weeks = 1) / count(*))::DOUBLE AS one_week_share
  FROM person_life
  GROUP BY ALL
),
churn AS (
  SELECT scope_type, scope_id, seq + 1 AS seq, count(*) AS churned
  FROM person_life
  WHERE next_seq IS NULL OR next_seq > seq + 1
  GROUP BY ALL
),
scopes AS (
  SELECT scope_type, scope_id, any_value(category_id) AS category_id, min(seq) AS first_seq
  FROM commit_figures
  GROUP BY scope_type, scope_id
),
-- Where tracking of a repo stops early (registry tracked_until: e.g. an old-name
-- snapshot), the repo is not observed after that day, which is not the same as
-- inactive. obs_end is the exclusive end of observation.
tracking_ends AS (
  SELECT r.repo, r.category_id, r.tracked_until::TIMESTAMP + INTERVAL 1 DAY AS obs_end
  FROM repos r
  JOIN scopes s ON s.scope_type = 'repo' AND s.scope_id = r.repo
  WHERE r.tracked_until IS NOT NULL
),
grid AS (
  SELECT s.scope_type, s.scope_id, s.category_id, q.quarter, q.seq, q.partial,
    -- A repo is observed in Q when it is tracked to Q's end. A category (or 'all') is
    -- observed in Q unless one of its repos stops being tracked inside Q-1 or Q: those
    -- are the quarters whose change from Q-1 (lost commits, contributors "churning")
    -- is an artefact of tracking. Later quarters lack the repo on both sides.
    NOT EXISTS (
      SELECT 1 FROM tracking_ends t
      WHERE t.obs_end < q.end_ts
        AND CASE s.scope_type
              WHEN 'repo' THEN t.repo = s.scope_id
              WHEN 'category' THEN t.category_id = s.scope_id AND coalesce(qp.start_ts, q.start_ts) < t.obs_end
              ELSE coalesce(qp.start_ts, q.start_ts) < t.obs_end
            END
    ) AS observed
  FROM scopes s
  JOIN quarters q ON q.seq >= s.first_seq
  LEFT JOIN quarters qp ON qp.seq = q.seq - 1
),
-- Like-for-like basis of quarter Q (seq): each repo's figures of Q ('cur') and of Q-1
-- ('prev', shifted to seq + 1), kept only when the repo is tracked to Q's end. Tracking
-- never resumes, so tracked to Q's end means observed in Q-1 too.
lfl_repo_sides AS (
  SELECT scope_id AS repo, category_id, seq, 'cur' AS side, commits FROM commit_figures WHERE scope_type = 'repo'
  UNION ALL
  SELECT scope_id, category_id, seq + 1, 'prev', commits FROM commit_figures WHERE scope_type = 'repo'
),
lfl_commit_figures AS (
  SELECT
    scope_type_of(grouping(s.repo), grouping(s.category_id)) AS scope_type,
    scope_id_of(grouping(s.repo), grouping(s.category_id), s.repo, s.category_id) AS scope_id,
    s.seq,
    coalesce(sum(s.commits) FILTER (WHERE s.side = 'cur'), 0) AS lfl_commits,
    coalesce(sum(s.commits) FILTER (WHERE s.side = 'prev'), 0) AS lfl_commits_prev,
    count(*) FILTER (WHERE s.side = 'cur' AND s.commits > 0) AS lfl_active_repos,
    count(*) FILTER (WHERE s.side = 'prev' AND s.commits > 0) AS lfl_active_repos_prev
  FROM lfl_repo_sides s
  JOIN quarters q ON q.seq = s.seq
  LEFT JOIN tracking_ends t ON t.repo = s.repo
  WHERE t.obs_end IS NULL OR t.obs_end >= q.end_ts
  GROUP BY GROUPING SETS ((s.repo, s.category_id, s.seq), (s.category_id, s.seq), (s.seq))
),
lfl_person_sides AS (
  SELECT person_id, repo, category_id, seq, 'cur' AS side FROM person_repo
  UNION ALL
  SELECT person_id, repo, category_id, seq + 1, 'prev' FROM person_repo
),
lfl_people_figures AS (
  SELECT
    scope_type_of(grouping(s.repo), grouping(s.category_id)) AS scope_type,
    scope_id_of(grouping(s.repo), grouping(s.category_id), s.repo, s.category_id) AS scope_id,
    s.seq,
    count(DISTINCT s.person_id) FILTER (WHERE s.side = 'cur') AS lfl_contributors,
    count(DISTINCT s.person_id) FILTER (WHERE s.side = 'prev') AS lfl_contributors_prev
  FROM lfl_person_sides s
  JOIN quarters q ON q.seq = s.seq
  LEFT JOIN tracking_ends t ON t.repo = s.repo
  WHERE t.obs_end IS NULL OR t.obs_end >= q.end_ts
  GROUP BY GROUPING SETS ((s.repo, s.category_id, s.seq), (s.category_id, s.seq), (s.seq))
),
-- Repos left out of Q's basis whose tracked history reaches into Q-1 or Q: the ones a
-- reader could miss (the same condition that makes a category unobserved in grid).
lfl_excludes AS (
  SELECT
    scope_type_of(grouping(t.repo), grouping(t.category_id)) AS scope_type,
    scope_id_of(grouping(t.repo), grouping(t.category_id), t.repo, t.category_id) AS scope_id,
    q.seq,
    string_agg(t.repo, ', ' ORDER BY t.repo) AS qoq_basis_excludes
  FROM tracking_ends t
  JOIN quarters q ON t.obs_end < q.end_ts
  LEFT JOIN quarters qp ON qp.seq = q.seq - 1
  WHERE coalesce(qp.start_ts, q.start_ts) < t.obs_end
  GROUP BY GROUPING SETS ((t.repo, t.category_id, q.seq), (t.category_id, q.seq), (q.seq))
),
joined AS (
  SELECT g.*,
    coalesce(cf.commits, 0) AS commits,
    coalesce(cf.merge_commits, 0) AS merge_commits,
    coalesce(cf.bot_commits, 0) AS bot_commits,
    coalesce(cf.agent_assisted_commits, 0) AS agent_assisted_commits,
    coalesce(cf.unattributed_commits, 0) AS unattributed_commits,
    coalesce(cf.bulk_coauthor_commits, 0) AS bulk_coauthor_commits,
    coalesce(pf.contributors, 0) AS contributors,
    coalesce(cf.active_repos, 0) AS active_repos,
    coalesce(pf.new_contributors, 0) AS new_contributors,
    coalesce(pf.new_to_ecosystem, 0) AS new_to_ecosystem,
    coalesce(pf.retained, 0) AS retained,
    coalesce(pf.reactivated, 0) AS reactivated,
    coalesce(ch.churned, 0) AS churned,
    pf.mean_active_weeks, pf.median_active_weeks, pf.one_week_share,
    coalesce(cf.test_lines, 0) AS test_lines,
    coalesce(cf.src_lines, 0) AS src_lines,
    coalesce(cf.test_files, 0) AS test_files,
    coalesce(cf.src_files, 0) AS src_files,
    tr.repo AS top_repo,
    tr.commits AS top_repo_commits
  FROM grid g
  LEFT JOIN commit_figures cf USING (scope_type, scope_id, seq)
  LEFT JOIN people_figures pf USING (scope_type, scope_id, seq)
  LEFT JOIN churn ch USING (scope_type, scope_id, seq)
  LEFT JOIN top_repo tr USING (scope_type, scope_id, seq)
),
with_prev AS (
  SELECT *,
    lag(commits, 1, 0) OVER w AS commits_prev,
    lag(contributors, 1, 0) OVER w AS contributors_prev,
    lag(active_repos, 1, 0) OVER w AS active_repos_prev
  FROM joined
  WINDOW w AS (PARTITION BY scope_type, scope_id ORDER BY seq)
),
with_basis AS (
  SELECT w.*,
    coalesce(lc.lfl_commits, 0) AS lfl_commits,
    coalesce(lc.lfl_commits_prev, 0) AS lfl_commits_prev,
    coalesce(lp.lfl_contributors, 0) AS lfl_contributors,
    coalesce(lp.lfl_contributors_prev, 0) AS lfl_contributors_prev,
    coalesce(lc.lfl_active_repos, 0) AS lfl_active_repos,
    coalesce(lc.lfl_active_repos_prev, 0) AS lfl_active_repos_prev,
    CASE WHEN w.commits_prev > 0 THEN coalesce(lc.lfl_commits_prev, 0) / w.commits_prev END::DOUBLE AS qoq_basis_share,
    ex.qoq_basis_excludes
  FROM with_prev w
  LEFT JOIN lfl_commit_figures lc USING (scope_type, scope_id, seq)
  LEFT JOIN lfl_people_figures lp USING (scope_type, scope_id, seq)
  LEFT JOIN lfl_excludes ex USING (scope_type, scope_id, seq)
),
-- The threshold of the header: QoQ only where the basis holds at least four fifths of
-- the quarter before's commits.
comparable AS (
  SELECT *, NOT partial AND coalesce(qoq_basis_share >= 0.8, false) AS qoq_comparable
  FROM with_basis
)
SELECT
  scope_type, scope_id, category_id, quarter, seq, partial,
  commits::INTEGER AS commits,
  merge_commits::INTEGER AS merge_commits,
  bot_commits::INTEGER AS bot_commits,
  agent_assisted_commits::INTEGER AS agent_assisted_commits,
  unattributed_commits::INTEGER AS unattributed_commits,
  bulk_coauthor_commits::INTEGER AS bulk_coauthor_commits,
  contributors::INTEGER AS contributors,
  active_repos::INTEGER AS active_repos,
  new_contributors::INTEGER AS new_contributors,
  new_to_ecosystem::INTEGER AS new_to_ecosystem,
  retained::INTEGER AS retained,
  reactivated::INTEGER AS reactivated,
  churned::INTEGER AS churned,
  CASE WHEN contributors_prev > 0 THEN churned / contributors_prev END::DOUBLE AS churn_rate,
  CASE WHEN contributors_prev > 0 THEN retained / contributors_prev END::DOUBLE AS retention,
  mean_active_weeks,
  median_active_weeks,
  one_week_share,
  test_lines::INTEGER AS test_lines,
  src_lines::INTEGER AS src_lines,
  CASE WHEN test_lines + src_lines > 0 THEN test_lines / (test_lines + src_lines) END::DOUBLE AS test_line_share,
  test_files::INTEGER AS test_files,
  src_files::INTEGER AS src_files,
  CASE WHEN test_files + src_files > 0 THEN test_files / (test_files + src_files) END::DOUBLE AS test_file_share,
  commits_prev::INTEGER AS commits_prev,
  contributors_prev::INTEGER AS contributors_prev,
  active_repos_prev::INTEGER AS active_repos_prev,
  CASE WHEN lfl_commits_prev > 0 AND qoq_comparable
       THEN (lfl_commits - lfl_commits_prev) / lfl_commits_prev END::DOUBLE AS commits_qoq,
  CASE WHEN lfl_contributors_prev > 0 AND qoq_comparable
       THEN (lfl_contributors - lfl_contributors_prev) / lfl_contributors_prev END::DOUBLE AS contributors_qoq,
  CASE WHEN lfl_active_repos_prev > 0 AND qoq_comparable
       THEN (lfl_active_repos - lfl_active_repos_prev) / lfl_active_repos_prev END::DOUBLE AS active_repos_qoq,
  top_repo,
  CASE WHEN commits > 0 THEN top_repo_commits / commits END::DOUBLE AS top_repo_share,
  observed,
  qoq_basis_share,
  qoq_basis_excludes
FROM comparable
ORDER BY scope_type, scope_id, seq
