-- quarters: the quarters this folder covers (the article's and the eight before it).
SELECT quarter, seq, start_ts, end_ts, partial
FROM quarters
WHERE quarter IN (SELECT quarter FROM publish_window)
ORDER BY seq
