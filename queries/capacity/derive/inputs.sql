-- Inputs of the kecamatan service gaps: every desa value of the demand and supply indicators
-- ($indicators), with the desa's kecamatan and the status of its source.
-- Grain: one row per desa x indicator x period.
SELECT v.region_code, r.parent_code AS kecamatan_code, v.period, v.indicator_id, v.value, s.status
FROM indicator_value v
JOIN region r ON r.code = v.region_code AND r.level = 'desa'
JOIN data_source s ON s.source_id = v.source_id
WHERE list_contains($indicators, v.indicator_id)
ORDER BY v.period, v.region_code, v.indicator_id
