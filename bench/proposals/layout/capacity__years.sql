-- PROPOSED (with layout/setup.sql) rewrite of queries/capacity/years.sql.
SELECT DISTINCT period AS year
FROM indicator_coverage
WHERE level = 'desa' AND indicator_id = ANY($indicators) AND length(period) = 4
ORDER BY year DESC
