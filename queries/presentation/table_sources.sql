-- Which sources stand behind the facts the slides show (regions, KOMPAK membership, awards,
-- PPKM levels), with the rows each contributes. Grain: one row per table x source.
SELECT 'region' AS table_name, source_id, count(*) AS n FROM region GROUP BY source_id
UNION ALL SELECT 'program_membership', source_id, count(*) FROM program_membership WHERE program = 'KOMPAK' GROUP BY source_id
UNION ALL SELECT 'award', source_id, count(*) FROM award GROUP BY source_id
UNION ALL SELECT 'ppkm_level', source_id, count(*) FROM ppkm_level GROUP BY source_id
ORDER BY table_name, source_id
