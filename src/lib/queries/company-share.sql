-- company-share: commit credit by organization for scope $2 ('all' or a category id)
-- in quarter $1 and the quarter before it (for changes), largest first.
--
-- Why: organizations come from email domains; 'Unknown' is webmail or noreply and
-- 'Other' an unmapped domain, so neither is a company and both must be read as such.
-- Repository-level shares are not published (they could point at a person).
SELECT cs.quarter, cs.scope_type, cs.scope_id, cs.organization, cs.credit, cs.share, cs.rank
FROM company_share cs
JOIN quarters q ON q.quarter = cs.quarter
JOIN quarters cur ON cur.quarter = $1
WHERE cs.scope_id = $2
  AND (q.seq = cur.seq OR q.seq = cur.seq - 1)
ORDER BY q.seq, cs.rank
