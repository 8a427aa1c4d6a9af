-- talent-pools: every published pool over every quarter of the folder (the article's
-- and the eight before it), with each quarter's partial flag, for trends and figures.
--
-- Why: a pool of fewer than 3 people has no row in the published table (small cells),
-- so a quarter a pool lacks reads "fewer than 3", never 0; callers fill the gaps from
-- the quarters list. Ordered by quarter, kind and id only, so both engines return the
-- same rows in the same order; callers rank pools themselves.
SELECT t.quarter, q.seq, q.partial, t.from_quarter, t.pool_type, t.pool_id, t.name,
  t.categories, t.min_commits, t.people, t.in_stopped_histories, t.observed
FROM talent_pools t
JOIN quarters q ON q.quarter = t.quarter
ORDER BY q.seq, t.pool_type, t.pool_id
