-- Yearly values stored for a kab/kota itself (e.g. the IDM import's kab/kota aggregates, or an
-- official kab/kota table) for the chosen indicators ($indicators). Where one exists the compare
-- page shows it instead of rolling kecamatan values up. Read from region_value (every value
-- stored at kab/kota level is there as method 'stored', with its one source), not from every
-- indicator value. Grain: one row per kab/kota x indicator x year.
SELECT rv.code AS kabkota_code, rv.indicator_id, rv.period AS year, rv.value, s.status
FROM region_value rv
JOIN data_source s ON s.source_id = rv.source_ids
WHERE rv.level = 'kabkota' AND rv.method = 'stored' AND length(rv.period) = 4
  AND list_contains($indicators, rv.indicator_id)
ORDER BY rv.indicator_id, rv.period, rv.code
