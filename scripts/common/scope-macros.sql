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
-- A sum of commit credit (1/n weights), exact: each weight is fixed to 18 decimals and
-- summed as a decimal, so the result does not depend on the order rows reach the sum
-- (a float sum's last bits do, and rounding it to 1e-9 flipped near a boundary).
CREATE OR REPLACE TEMP MACRO exact_weight(weight) AS weight::DECIMAL(38, 18);
CREATE OR REPLACE TEMP MACRO credit_sum(weight) AS round(sum(exact_weight(weight)), 9);
