-- repos: every tracked repository with its category and whether its history was read,
-- so pages can name the unavailable ones and check a repo exists before quoting it.
-- tracked_until (the last day a history that stops early is observed) is cast to text
-- so both engines return the same 'YYYY-MM-DD', whatever their DATE conversion.
SELECT repo, category_id, status, ingested, first_quarter, CAST(tracked_until AS VARCHAR) AS tracked_until
FROM repos
ORDER BY repo
