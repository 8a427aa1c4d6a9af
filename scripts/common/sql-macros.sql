-- The scope labels of a GROUPING SETS query over (repo, category, everything): every
-- metric that counts per repository, per category and for the whole tracked set names
-- its rows the same way. grouping(x) is 0 when the row is grouped by x; GROUPING()
-- (not NULL tests) tells the levels apart, since a repository's category is never NULL
-- but a grouped-away column is. A query with no repository level passes 1 for g_repo.
-- Created (temporary) by the SQL runner before any table: scripts/common/sql-tables.ts.
CREATE OR REPLACE TEMP MACRO scope_type_of(g_repo, g_category) AS
  CASE WHEN g_repo = 0 THEN 'repo' WHEN g_category = 0 THEN 'category' ELSE 'all' END;
CREATE OR REPLACE TEMP MACRO scope_id_of(g_repo, g_category, repo, category_id) AS
  CASE WHEN g_repo = 0 THEN repo WHEN g_category = 0 THEN category_id ELSE 'all' END;
-- Commit credit (sums of 1/n weights) is summed as integers: each weight in units of
-- 1e-15, the sum rounded half up to units of 1e-9 ("nanos"). A float sum's last bits
-- follow the order rows reach it, and rounding it to 1e-9 flipped near a boundary
-- between two builds of the same data. Nanos are then held as DOUBLE: whole numbers
-- below 2^53 (9 million credits in one sum), which doubles add exactly in any order and
-- faster than 128-bit integers in window sums.
CREATE OR REPLACE TEMP MACRO credit_units(weight) AS (weight * 1e15)::BIGINT;
CREATE OR REPLACE TEMP MACRO units_nanos(units) AS ((units + 500000) // 1000000)::DOUBLE;
CREATE OR REPLACE TEMP MACRO credit_nanos(weight) AS units_nanos(sum(credit_units(weight)));
CREATE OR REPLACE TEMP MACRO nanos_credit(nanos) AS nanos / 1e9;
