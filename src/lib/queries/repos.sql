-- repos: every tracked repository with its category and whether its history was read,
-- so pages can name the unavailable ones and check a repo exists before quoting it.
SELECT repo, category_id, status, ingested, first_quarter
FROM repos
ORDER BY repo
