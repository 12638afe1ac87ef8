-- Inputs of the CETTAR index: every yearly value of a pillar indicator at kecamatan level, with
-- the status of its source. Grain: one row per kecamatan x indicator x year.
SELECT v.region_code, v.indicator_id, v.period, v.value, s.status
FROM indicator_value v
JOIN indicator i USING (indicator_id)
JOIN region r ON r.code = v.region_code
JOIN data_source s ON s.source_id = v.source_id
WHERE i.pillar IS NOT NULL
  AND r.level = 'kecamatan'
  AND regexp_full_match(v.period, '(19|20)\d{2}')
ORDER BY v.period, v.region_code, v.indicator_id
