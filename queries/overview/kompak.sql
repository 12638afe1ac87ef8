-- Kab/kota in the KOMPAK program, with the source of the membership fact.
SELECT m.kabkota_code, r.name, m.start_year, m.end_year, m.source_url
FROM program_membership m JOIN region r ON r.code = m.kabkota_code
WHERE m.program = 'KOMPAK'
ORDER BY r.name
