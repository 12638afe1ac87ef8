-- PROPOSED pre-aggregated tables: what the catalog-style queries need, computed once per data
-- version instead of scanning every indicator value on every cold page load. They would go into
-- queries/build/schema.sql, be filled at the end of cettar/build.py populate (after the sort)
-- and be refreshed by cettar/derive.refresh (which every import runs before its contracts).
-- The benchmark applies this file to a copy of the database and runs the rewrites beside it.

-- Grain: one row per indicator x period x region level x source: which data exists where.
CREATE TABLE indicator_coverage AS
SELECT v.indicator_id, v.period, r.level, v.source_id, count(*) AS n_values
FROM indicator_value v
JOIN region r ON r.code = v.region_code
GROUP BY ALL
ORDER BY ALL;

-- Grain: one row per indicator: how many regions have at least one value.
CREATE TABLE indicator_regions AS
SELECT indicator_id, count(DISTINCT region_code) AS regions
FROM indicator_value
GROUP BY indicator_id
ORDER BY indicator_id;
