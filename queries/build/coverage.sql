-- indicator_coverage and indicator_regions, re-created from indicator_value by cettar/derive.py
-- after every derived value is in place (each build, each publish). Created here rather than in
-- schema.sql so that an import into a database built before they existed adds them.
-- They let the catalog-style queries (which indicators, levels, years and sources have data)
-- read a few hundred rows instead of every value; queries/contracts/coverage.sql checks them.

-- Grain: one row per indicator x period x region level x source.
CREATE OR REPLACE TABLE indicator_coverage AS
SELECT v.indicator_id, v.period, r.level, v.source_id, count(*) AS n_values
FROM indicator_value v
JOIN region r ON r.code = v.region_code
GROUP BY ALL
ORDER BY ALL;

-- Grain: one row per indicator with values: how many regions have at least one.
CREATE OR REPLACE TABLE indicator_regions AS
SELECT indicator_id, count(DISTINCT region_code) AS regions
FROM indicator_value
GROUP BY indicator_id
ORDER BY indicator_id;
