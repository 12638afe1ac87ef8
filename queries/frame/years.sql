-- Years that have indicator values, newest first.
SELECT DISTINCT period AS year
FROM indicator_value
WHERE length(period) = 4
ORDER BY year DESC
