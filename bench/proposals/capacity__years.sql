-- PROPOSED rewrite of queries/capacity/years.sql (same rows; see bench/queries.py). One change:
-- list_contains($indicators, v.indicator_id) becomes v.indicator_id = ANY($indicators). DuckDB does
-- not push list_contains into the scan, so it reads every row of indicator_value (68 M at national
-- scale); = ANY is pushed down and the table's sort order (indicator_id first) skips the rest.
-- Years with desa demand or supply values ($indicators), newest first.
SELECT DISTINCT v.period AS year
FROM indicator_value v JOIN region r ON r.code = v.region_code AND r.level = 'desa'
WHERE v.indicator_id = ANY($indicators) AND length(v.period) = 4
ORDER BY year DESC
