-- Years with desa demand or supply values ($indicators), newest first.
SELECT DISTINCT v.period AS year
FROM indicator_value v JOIN region r ON r.code = v.region_code AND r.level = 'desa'
WHERE list_contains($indicators, v.indicator_id) AND length(v.period) = 4
ORDER BY year DESC
