-- Authority the bupati/wali kota delegated to the camat of one kecamatan ($kecamatan), per
-- evaluation year, newest first. Grain: one row per authority x year.
SELECT a.year, a.authority, a.authority_type, a.sector, a.regulation_type, a.regulation_number,
       a.regulation_year, a.since_year, a.evaluation, a.evaluation_score, a.note, s.status
FROM delegated_authority a
JOIN data_source s ON s.source_id = a.source_id
WHERE a.kecamatan_code = $kecamatan
ORDER BY a.year DESC, a.authority
