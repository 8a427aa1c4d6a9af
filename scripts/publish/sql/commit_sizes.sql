-- commit_sizes: how each repository's human work arrived each quarter (commits, lines,
-- the largest single commit), so a reader and the artefact guard can tell a release
-- drop from a change in work. One row per repository and quarter: no commit is named.
SELECT repo, category_id, quarter, commits, lines, largest_commit_lines, largest_commit_share
FROM commit_sizes
WHERE quarter IN (SELECT quarter FROM publish_window)
ORDER BY quarter, category_id, repo
