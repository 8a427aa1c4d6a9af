-- people: one row per merged person, with no name or address (those stay in
-- identities, which is never published).
SELECT person_id, bool_or(is_bot) AS is_bot, bool_or(is_agent) AS is_agent, count(*)::INTEGER AS identities
FROM identities
-- A co-author line without an address has no person of its own (coauthor_names).
WHERE person_id IS NOT NULL
GROUP BY person_id
ORDER BY person_id
