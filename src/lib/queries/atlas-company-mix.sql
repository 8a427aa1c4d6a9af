-- atlas-company-mix: commit credit by organization of every scope of one type ($1:
-- 'repo' or 'category') in every quarter of the folder, largest first.
--
-- Why repositories can be read here: their published rows fold every organization of
-- fewer than 3 people into 'Fewer than 3 people' (publish/sql/company_share.sql), so no
-- share points at a person. 'Unknown' (webmail, noreply) and 'Other' (unmapped domains)
-- are not companies.
SELECT cs.scope_id, cs.quarter, q.seq, cs.organization, cs.credit, cs.share, cs.rank
FROM company_share cs
JOIN quarters q ON q.quarter = cs.quarter
WHERE cs.scope_type = $1
ORDER BY cs.scope_id, q.seq, cs.rank, cs.organization
