-- talent_pools: people active in every category of a pool within the trailing four
-- quarters (Q-3..Q), one row per pool and quarter Q, so a pool's trend reads quarter by
-- quarter. Three kinds (pool_type):
-- * 'pair': every two categories, pool_id 'a+b' (ids in order, as category_overlap);
-- * 'breadth': people active in three or more categories, pool_id 'three-plus';
-- * 'named': the editor's pools (data/talent-pools.yaml, loaded as talent_pool_defs),
--   with at least min_commits commits in each of their categories over the year.
--
-- Why:
-- * A trailing year, not one quarter: someone who works on serving one quarter and on
--   kernels the next is a serving engineer with kernel experience, and a quarter's
--   overlap (category_overlap) misses them. Consecutive rows share three quarters, so
--   the trend is smooth by construction; a year-on-year change compares Q with Q-4.
-- * Active means at least one commit credit, counted as category_overlap counts it:
--   from commit_credits, so bots, agents, merges and bot commits never count; bogus
--   dates (quarter NULL) are left out. A named pool's min_commits counts credited
--   commits in the category over the whole year (summed over its repositories).
-- * Only quarters with four quarters behind them get rows (the warehouse's first three
--   would count a shorter year), so every row spans the same time.
-- * Small cells: a pool of fewer than 3 people has no row, so a missing pool means 0 to
--   2 people. Pools pick people out by what they did (two tiny categories, a named
--   pool's three), and a count of 1 or 2 says that a person anyone can name from the
--   public histories did it: the chord's rule (src/lib/chord-thresholds.ts). Unlike
--   category_overlap, nothing here was published before, so no threshold keeps them.
-- * Histories that stop early (registry tracked_until: moved, copy stopped, end of
--   life) are seen for part of a year. in_stopped_histories counts the pool's people
--   active within the year in a history that stops before the quarter ends: the pool
--   counts them, but not what they did there after the stop, so the pool can fall over
--   the next quarters for reasons of tracking. observed = false when they are a fifth or
--   more of the pool (the 0.8 basis rule of like-for-like QoQ in scope_quarters): its
--   trend there is not comparable. A stop anywhere in a category would flag nearly every
--   pool since 2025 (60 histories stop in 2024-2026); what matters is how many of the
--   pool's own people it touches. The count follows the small-cell rule (empty under 3,
--   0 included), and observed is decided on the count as published.
WITH
person_category AS (
  SELECT cc.person_id, cc.category_id, q.seq, count(*) AS commits
  FROM commit_credits cc
  JOIN quarters q USING (quarter)
  WHERE cc.quarter IS NOT NULL
  GROUP BY ALL
),
-- Each quarter with a full year behind it: the window is [start of Q-3, end of Q).
windows AS (
  SELECT q.quarter, q.seq, w.quarter AS from_quarter, w.start_ts, q.end_ts
  FROM quarters q
  JOIN quarters w ON w.seq = q.seq - 3
),
yearly AS (
  SELECT w.quarter, pc.person_id, pc.category_id, sum(pc.commits) AS commits
  FROM windows w
  JOIN person_category pc ON pc.seq BETWEEN w.seq - 3 AND w.seq
  GROUP BY ALL
),
-- Every pool's categories: all pairs of categories, and the named pools'.
pool_categories AS (
  SELECT 'pair' AS pool_type, a.category_id || '+' || b.category_id AS pool_id,
    CAST(NULL AS VARCHAR) AS name, 1 AS min_commits, 0 AS sort_order, c.category_id
  FROM categories a
  JOIN categories b ON a.category_id < b.category_id
  JOIN categories c ON c.category_id IN (a.category_id, b.category_id)
  UNION ALL
  SELECT 'named', pool_id, name, min_commits, sort_order, category_id
  FROM talent_pool_defs
),
pool_sizes AS (
  SELECT pool_type, pool_id, any_value(name) AS name, any_value(min_commits) AS min_commits,
    any_value(sort_order) AS sort_order, count(*) AS n_categories,
    string_agg(category_id, ',' ORDER BY category_id) AS categories
  FROM pool_categories
  GROUP BY pool_type, pool_id
),
members AS MATERIALIZED (
  -- A pair (one commit in each category is enough): a self-join of each person's
  -- categories, small because most people work in one; joining every person to every
  -- pair instead multiplied each row by eleven (2.2 s of 3 at 1x, 45 s at 10x).
  SELECT a.quarter, 'pair' AS pool_type, a.category_id || '+' || b.category_id AS pool_id, a.person_id
  FROM yearly a
  JOIN yearly b ON b.quarter = a.quarter AND b.person_id = a.person_id AND a.category_id < b.category_id
  UNION ALL
  SELECT y.quarter, p.pool_type, p.pool_id, y.person_id
  FROM pool_categories p
  JOIN yearly y ON y.category_id = p.category_id AND y.commits >= p.min_commits
  JOIN pool_sizes s USING (pool_type, pool_id)
  WHERE p.pool_type = 'named'
  GROUP BY y.quarter, p.pool_type, p.pool_id, y.person_id, s.n_categories
  HAVING count(*) = s.n_categories
  UNION ALL
  SELECT quarter, 'breadth', 'three-plus', person_id
  FROM yearly
  GROUP BY quarter, person_id
  HAVING count(*) >= 3
),
counted AS (
  SELECT quarter, pool_type, pool_id, count(*) AS people
  FROM members
  GROUP BY ALL
  HAVING count(*) >= 3
),
-- Pool members active within the year in a history that stops before the quarter
-- ends (registry tracked_until): the pool still counts them, but not what they did in
-- it after the stop, so the pool can fall in the next quarters for tracking reasons.
stopped_repos AS (
  SELECT repo, tracked_until::TIMESTAMP + INTERVAL 1 DAY AS obs_end
  FROM repos
  WHERE tracked_until IS NOT NULL
),
exposed AS (
  SELECT DISTINCT w.quarter, cc.person_id
  FROM windows w
  JOIN stopped_repos r ON r.obs_end < w.end_ts AND r.obs_end > w.start_ts
  JOIN quarters q ON q.seq BETWEEN w.seq - 3 AND w.seq
  JOIN commit_credits cc ON cc.repo = r.repo AND cc.quarter = q.quarter
),
exposure AS (
  SELECT m.quarter, m.pool_type, m.pool_id, count(*) AS exposed
  FROM members m
  JOIN exposed e USING (quarter, person_id)
  GROUP BY ALL
)
SELECT c.quarter, w.from_quarter, c.pool_type, c.pool_id,
  CASE c.pool_type WHEN 'breadth' THEN 'Active in three or more categories' ELSE s.name END AS name,
  s.categories,
  coalesce(s.min_commits, 1)::INTEGER AS min_commits,
  c.people::INTEGER AS people,
  CASE WHEN x.exposed >= 3 THEN x.exposed END::INTEGER AS in_stopped_histories,
  coalesce(CASE WHEN x.exposed >= 3 THEN x.exposed END, 0) < 0.2 * c.people AS observed
FROM counted c
JOIN windows w USING (quarter)
LEFT JOIN pool_sizes s USING (pool_type, pool_id)
LEFT JOIN exposure x USING (quarter, pool_type, pool_id)
ORDER BY c.quarter, c.pool_type, coalesce(s.sort_order, 0), c.pool_id
