-- atlas-company-mix: commit credit by organization of every category in every quarter
-- of the folder, largest first.
--
-- Why categories only: repository-level shares are not published (they could point at
-- a person), so a project page quotes its category's mix and says so. 'Unknown'
-- (webmail, noreply) and 'Other' (unmapped domains) are not companies.
SELECT cs.scope_id AS category_id, cs.quarter, q.seq, cs.organization, cs.credit, cs.share, cs.rank
FROM company_share cs
JOIN quarters q ON q.quarter = cs.quarter
WHERE cs.scope_type = 'category'
ORDER BY cs.scope_id, q.seq, cs.rank, cs.organization
