-- Years with desa demand or supply values ($indicators), newest first (from indicator_coverage).
SELECT DISTINCT period AS year
FROM indicator_coverage
WHERE level = 'desa' AND list_contains($indicators, indicator_id) AND length(period) = 4
ORDER BY year DESC
