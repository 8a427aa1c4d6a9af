-- quarters: the quarters the folder covers, oldest first; the last is the article's.
SELECT quarter, seq, start_ts, end_ts, partial
FROM quarters
ORDER BY seq
