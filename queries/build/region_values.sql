-- region_value: what a map at kab/kota or kecamatan level shows, for every indicator and period,
-- computed once per data version by cettar/derive.py (each build, each publish) instead of on
-- every page run. queries/map/values.sql reads it; queries/contracts/region_value.sql checks it.
--
-- Grain: one row per target level (kabkota | kecamatan) x region x indicator x period with a
-- value. Per indicator x period, values stored at the target level are used when there are any;
-- otherwise the values of the nearest level below that has some are rolled up by the catalog's
-- aggregation rule (mean | sum | max). An indicator whose rule is 'none' (a share that must be
-- recomputed from counts) is never rolled up. n_values says how many values stand behind a
-- value, n_units how many regions of the source level lie in the target region, source_ids the
-- sorted, distinct sources of those values (comma-separated; labels are joined at read time).
-- Created here (CREATE OR REPLACE) so that a publish also brings it to an older database.
CREATE OR REPLACE TEMP TABLE region_value_parts AS  -- per source, at the chosen depth only
WITH depth(level, d) AS (VALUES ('kabkota', 1), ('kecamatan', 2), ('desa', 3)),
target(level, d) AS (VALUES ('kabkota', 1), ('kecamatan', 2)),
partial AS (  -- tens of millions of values become a few million rows
    SELECT t.level AS target_level, t.d AS target_depth, v.indicator_id, v.period, dp.d AS depth,
           CASE WHEN dp.d = t.d THEN r.code
                WHEN t.level = 'kabkota' THEN r.kabkota_code
                ELSE r.parent_code
           END AS target_code,
           v.source_id, sum(v.value) AS total, max(v.value) AS top, count(*) AS n
    FROM indicator_value v
    JOIN region r ON r.code = v.region_code
    JOIN depth dp ON dp.level = r.level
    JOIN target t ON dp.d >= t.d
    GROUP BY ALL
),
chosen AS (
    SELECT target_level, indicator_id, period, min(depth) AS depth
    FROM partial
    GROUP BY ALL
)
SELECT p.*, i.aggregation
FROM partial p
JOIN chosen c ON c.target_level = p.target_level AND c.indicator_id = p.indicator_id
             AND c.period = p.period AND c.depth = p.depth
JOIN indicator i ON i.indicator_id = p.indicator_id
WHERE p.target_code IS NOT NULL
  AND (p.depth = p.target_depth OR i.aggregation IN ('mean', 'sum', 'max'));

CREATE OR REPLACE TABLE region_value AS
WITH depth(level, d) AS (VALUES ('kabkota', 1), ('kecamatan', 2), ('desa', 3)),
target(level, d) AS (VALUES ('kabkota', 1), ('kecamatan', 2)),
units AS (  -- regions of each level below every target region
    SELECT t.level AS target_level, dp.d AS depth,
           CASE WHEN dp.d = t.d THEN r.code
                WHEN t.level = 'kabkota' THEN r.kabkota_code
                ELSE r.parent_code
           END AS target_code,
           count(*) AS n_units
    FROM region r
    JOIN depth dp ON dp.level = r.level
    JOIN target t ON dp.d >= t.d
    GROUP BY ALL
)
SELECT p.target_level AS level,
       p.target_code AS code,
       p.indicator_id,
       p.period,
       CASE WHEN p.depth = p.target_depth THEN sum(p.total) / sum(p.n)  -- one stored value per region
            WHEN p.aggregation = 'mean' THEN sum(p.total) / sum(p.n)
            WHEN p.aggregation = 'sum' THEN sum(p.total)
            WHEN p.aggregation = 'max' THEN max(p.top)
       END AS value,
       CASE WHEN p.depth = p.target_depth THEN 'stored' ELSE p.aggregation END AS method,
       CASE p.depth WHEN 1 THEN 'kabkota' WHEN 2 THEN 'kecamatan' ELSE 'desa' END AS source_level,
       CAST(sum(p.n) AS BIGINT) AS n_values,
       any_value(u.n_units) AS n_units,
       -- one part per source, so count(*) sources; an ordered string_agg over millions of groups
       -- does not fit a 1 GB memory limit, so more than two sources are filled in below
       CASE count(*) WHEN 1 THEN min(p.source_id) WHEN 2 THEN min(p.source_id) || ',' || max(p.source_id) END AS source_ids
FROM region_value_parts p
LEFT JOIN units u ON u.target_level = p.target_level AND u.depth = p.depth AND u.target_code = p.target_code
GROUP BY p.target_level, p.target_code, p.indicator_id, p.period, p.depth, p.target_depth, p.aggregation
ORDER BY level, indicator_id, period, code;

UPDATE region_value AS rv
SET source_ids = s.ids
FROM (
    SELECT p.target_level, p.target_code, p.indicator_id, p.period, string_agg(p.source_id, ',' ORDER BY p.source_id) AS ids
    FROM region_value_parts p
    SEMI JOIN (SELECT * FROM region_value WHERE source_ids IS NULL) m
      ON m.level = p.target_level AND m.code = p.target_code AND m.indicator_id = p.indicator_id AND m.period = p.period
    GROUP BY ALL
) s
WHERE rv.source_ids IS NULL AND rv.level = s.target_level AND rv.code = s.target_code
  AND rv.indicator_id = s.indicator_id AND rv.period = s.period;

DROP TABLE region_value_parts;
