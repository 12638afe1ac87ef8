-- PROPOSED rewrite of queries/capacity/desa_values.sql (same rows; see bench/queries.py). One change:
-- list_contains($indicators, v.indicator_id) becomes v.indicator_id = ANY($indicators). DuckDB does
-- not push list_contains into the scan, so it reads every row of indicator_value (68 M at national
-- scale); = ANY is pushed down and the table's sort order (indicator_id first) skips the rest.
-- Demand and supply per desa for one year ($year) in the area ($scope: a kab/kota code, or NULL
-- for the province), for the indicators $indicators (cettar.capacity.INPUT_IDS).
-- Grain: one row per desa x indicator.
SELECT v.region_code, r.parent_code AS kecamatan_code, r.kabkota_code, v.period, v.indicator_id, v.value, s.status
FROM indicator_value v
JOIN region r ON r.code = v.region_code AND r.level = 'desa'
JOIN data_source s ON s.source_id = v.source_id
WHERE v.indicator_id = ANY($indicators)
  AND v.period = $year
  AND ($scope IS NULL OR r.kabkota_code = $scope)
ORDER BY v.region_code, v.indicator_id
