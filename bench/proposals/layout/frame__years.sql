-- PROPOSED (with layout/setup.sql) rewrite of queries/frame/years.sql (run by app.py on every
-- page's first load).
SELECT DISTINCT period AS year
FROM indicator_coverage
WHERE length(period) = 4
ORDER BY year DESC
