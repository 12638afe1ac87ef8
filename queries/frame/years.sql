-- Years that have indicator values, newest first (from indicator_coverage).
SELECT DISTINCT period AS year
FROM indicator_coverage
WHERE length(period) = 4
ORDER BY year DESC
