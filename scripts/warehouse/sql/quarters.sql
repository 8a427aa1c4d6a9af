-- quarters: every calendar quarter (UTC) from the first dated commit to the
-- snapshot, numbered consecutively so that "previous quarter" is seq - 1.
-- The snapshot is the newest dated commit: histories were exported then,
-- so the quarter holding it is partial and must never be compared as complete.
WITH bounds AS (
  SELECT date_trunc('quarter', min(ts)) AS first_q,
         max(ts) AS snapshot
  FROM raw_commits
  WHERE ts IS NOT NULL
),
series AS (
  SELECT unnest(generate_series(first_q, date_trunc('quarter', snapshot), INTERVAL 3 MONTH)) AS start_ts, snapshot
  FROM bounds
)
SELECT
  CAST(year(start_ts) AS VARCHAR) || '-q' || CAST(quarter(start_ts) AS VARCHAR) AS quarter,
  CAST(row_number() OVER (ORDER BY start_ts) AS INTEGER) AS seq,
  CAST(start_ts AS TIMESTAMP) AS start_ts,
  CAST(start_ts + INTERVAL 3 MONTH AS TIMESTAMP) AS end_ts,
  snapshot < start_ts + INTERVAL 3 MONTH AS partial,
  CAST(snapshot AS TIMESTAMP) AS snapshot_ts
FROM series
ORDER BY start_ts
