-- Demand and supply per desa for one year ($year) in the area ($scope: a kab/kota code, or NULL
-- for the province), for the indicators $indicators (cettar.capacity.INPUT_IDS).
-- Grain: one row per desa x indicator.
SELECT v.region_code, r.parent_code AS kecamatan_code, r.kabkota_code, v.period, v.indicator_id, v.value, s.status
FROM indicator_value v
JOIN region r ON r.code = v.region_code AND r.level = 'desa'
JOIN data_source s ON s.source_id = v.source_id
WHERE list_contains($indicators, v.indicator_id)
  AND v.period = $year
  AND ($scope IS NULL OR r.kabkota_code = $scope)
ORDER BY v.region_code, v.indicator_id
