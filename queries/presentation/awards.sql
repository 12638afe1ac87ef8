-- Every award with its recipient's region, kab/kota and KOMPAK membership, and the data status
-- of its source. Grain: one row per award row (award x recipient x innovation).
SELECT a.award_id, a.year, a.award_name, a.recipient_level, a.recipient_name, a.region_code,
       r.level AS region_level, r.kabkota_code, k.name AS kabkota_name,
       coalesce(r.kabkota_code IN (SELECT kabkota_code FROM program_membership WHERE program = 'KOMPAK'), false) AS kompak,
       a.innovation_name, a.source_url, a.source_id, s.status
FROM award a
JOIN data_source s ON s.source_id = a.source_id
LEFT JOIN region r ON r.code = a.region_code
LEFT JOIN region k ON k.code = r.kabkota_code
ORDER BY a.year, a.award_name, a.recipient_name, a.award_id
