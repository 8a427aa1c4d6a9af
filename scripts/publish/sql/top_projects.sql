-- top_projects: repositories ranked by contributors, with the new/returning split.
SELECT *
FROM top_projects
WHERE quarter IN (SELECT quarter FROM publish_window)
ORDER BY quarter, rank_overall
