-- Inputs of the CETTAR index: every yearly value of a pillar indicator at kecamatan level, with
-- the status of its source. Grain: one row per kecamatan x indicator x year, in no particular
-- order (cettar/index.py places each value by its keys). Periods are YYYY or YYYY-MM (a
-- contract), so a yearly one is 4 characters long.
SELECT v.region_code, v.indicator_id, v.period, v.value, s.status
FROM indicator_value v
JOIN indicator i USING (indicator_id)
JOIN region r ON r.code = v.region_code
JOIN data_source s ON s.source_id = v.source_id
WHERE i.pillar IS NOT NULL
  AND r.level = 'kecamatan'
  AND length(v.period) = 4
