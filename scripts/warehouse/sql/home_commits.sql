-- home_commits: the one tracked repository each change is counted for. The rules
-- and their reasons are in commit_provenance; this is its list of homes.
SELECT sha, repo
FROM commit_provenance
WHERE is_home
