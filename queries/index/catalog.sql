-- The pillar indicators of the catalog (what the index configuration must weight), with names.
SELECT indicator_id, name_id, name_en, pillar, direction, unit, decimals
FROM indicator
WHERE pillar IS NOT NULL
ORDER BY pillar, indicator_id
