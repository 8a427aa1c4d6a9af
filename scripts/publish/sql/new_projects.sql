-- new_projects: repositories whose counted history starts in a quarter of the window,
-- with their first quarter's commits and contributors (per-repository counts, as
-- top_projects publishes them).
SELECT *
FROM new_projects
WHERE quarter IN (SELECT quarter FROM publish_window)
ORDER BY seq, rank
