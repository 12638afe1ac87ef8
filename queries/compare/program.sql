-- The kab/kota in one program ($program, e.g. 'KOMPAK') with the source of the membership.
-- Grain: one row per member kab/kota (only codes that exist in region).
SELECT m.kabkota_code, r.name, m.start_year, m.end_year, m.source_url, s.status
FROM program_membership m
JOIN region r ON r.code = m.kabkota_code AND r.level = 'kabkota'
JOIN data_source s ON s.source_id = m.source_id
WHERE m.program = $program
ORDER BY r.name
