-- company_share: commit credit by organization (email domain), per category and overall.
-- Repository-level rows stay in the warehouse: at that grain a share can point at a person.
SELECT *
FROM company_share
WHERE quarter IN (SELECT quarter FROM publish_window) AND scope_type <> 'repo'
ORDER BY quarter, scope_type, scope_id, rank
