-- PROPOSED rewrite of queries/compare/kabkota_values.sql (same rows; see bench/queries.py). One change:
-- list_contains($indicators, v.indicator_id) becomes v.indicator_id = ANY($indicators). DuckDB does
-- not push list_contains into the scan, so it reads every row of indicator_value (68 M at national
-- scale); = ANY is pushed down and the table's sort order (indicator_id first) skips the rest.
-- Yearly values stored for a kab/kota itself (e.g. the IDM import's kab/kota aggregates, or an
-- official kab/kota table) for the chosen indicators ($indicators). Where one exists the compare
-- page shows it instead of rolling kecamatan values up. Grain: one row per kab/kota x indicator x year.
SELECT v.region_code AS kabkota_code, v.indicator_id, v.period AS year, v.value, s.status
FROM indicator_value v
JOIN region r ON r.code = v.region_code
JOIN data_source s ON s.source_id = v.source_id
WHERE r.level = 'kabkota' AND length(v.period) = 4 AND v.indicator_id = ANY($indicators)
ORDER BY v.indicator_id, v.period, v.region_code
