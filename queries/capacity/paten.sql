-- PATEN (integrated administrative services) of one kecamatan ($kecamatan), newest year first.
-- Grain: one row per year.
SELECT p.year, p.implemented, p.since_year, p.services_offered, p.services, p.standard_published, p.note, s.status
FROM paten_status p
JOIN data_source s ON s.source_id = p.source_id
WHERE p.kecamatan_code = $kecamatan
ORDER BY p.year DESC
