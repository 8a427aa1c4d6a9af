-- repos: every tracked repository, including the ones whose history is not
-- available (the report must say which), with the quarter its counted history starts.
SELECT repo, category_id, status, upstream, tracked_until, ingested, first_quarter
FROM repos
ORDER BY category_id, repo
