-- PROPOSED rewrite of queries/map/values.sql (same parameters, same rows; see bench/queries.py).
-- Why: the original computes four string_agg(DISTINCT ... ORDER BY ...) per output row. DuckDB
-- sorts every group for those, and with one group per region that is most of the query's time
-- (provincial: ~30 of ~50 ms for one indicator; the region profile's "every indicator of a
-- period" call, 27 k groups, ~650 ms; 437 k groups nationally, ~4 s). Here each group keeps only
-- the sorted list of its source ids; the labels are built once per distinct list (a handful)
-- and joined back. Everything else is unchanged.
WITH depth(level, d) AS (VALUES ('kabkota', 1), ('kecamatan', 2), ('desa', 3)),
target AS (SELECT d FROM depth WHERE level = $level),
raw AS (
    SELECT v.indicator_id, v.period, v.value, dp.d AS depth, r.code,
           CASE WHEN dp.d = t.d THEN r.code
                WHEN $level = 'kabkota' THEN r.kabkota_code
                ELSE r.parent_code
           END AS target_code,
           v.source_id
    FROM indicator_value v
    JOIN region r ON r.code = v.region_code
    JOIN depth dp ON dp.level = r.level
    CROSS JOIN target t
    WHERE ($indicator IS NULL OR v.indicator_id = $indicator)
      AND ($period IS NULL OR v.period = $period)
      AND dp.d >= t.d
      AND ($scope IS NULL OR r.kabkota_code = $scope)
),
chosen AS (
    SELECT indicator_id, period, min(depth) AS depth
    FROM raw
    GROUP BY indicator_id, period
),
units AS (  -- regions of each level below every target region, for n_units
    SELECT dp.d AS depth,
           CASE WHEN dp.d = t.d THEN r.code
                WHEN $level = 'kabkota' THEN r.kabkota_code
                ELSE r.parent_code
           END AS target_code,
           count(*) AS n_units
    FROM region r
    JOIN depth dp ON dp.level = r.level
    CROSS JOIN target t
    WHERE dp.d >= t.d AND ($scope IS NULL OR r.kabkota_code = $scope)
    GROUP BY ALL
),
grouped AS (
    SELECT raw.indicator_id,
           raw.period,
           raw.target_code AS code,
           CASE WHEN c.depth = t.d THEN avg(raw.value)  -- one stored value per region
                WHEN i.aggregation = 'mean' THEN avg(raw.value)
                WHEN i.aggregation = 'sum' THEN sum(raw.value)
                WHEN i.aggregation = 'max' THEN max(raw.value)
           END AS value,
           CASE WHEN c.depth = t.d THEN 'stored' ELSE i.aggregation END AS method,
           (SELECT level FROM depth WHERE d = c.depth) AS source_level,
           count(*) AS n_values,
           any_value(u.n_units) AS n_units,
           array_to_string(list_sort(list_distinct(list(raw.source_id))), ',') AS source_key
    FROM raw
    JOIN chosen c ON c.indicator_id = raw.indicator_id AND c.period = raw.period AND c.depth = raw.depth
    JOIN indicator i ON i.indicator_id = raw.indicator_id
    CROSS JOIN target t
    LEFT JOIN units u ON u.depth = raw.depth AND u.target_code = raw.target_code
    WHERE raw.target_code IS NOT NULL
      AND (c.depth = t.d OR i.aggregation IN ('mean', 'sum', 'max'))
    GROUP BY raw.indicator_id, raw.period, raw.target_code, c.depth, t.d, i.aggregation
),
labels AS (  -- one row per distinct set of sources
    SELECT k.source_key,
           string_agg(DISTINCT s.status, ', ' ORDER BY s.status) AS status,
           string_agg(DISTINCT s.source_id, ', ' ORDER BY s.source_id) AS source_ids,
           string_agg(DISTINCT s.title_id, '; ' ORDER BY s.title_id) AS source_title_id,
           string_agg(DISTINCT s.title_en, '; ' ORDER BY s.title_en) AS source_title_en
    FROM (SELECT source_key, unnest(string_split(source_key, ',')) AS source_id
          FROM (SELECT DISTINCT source_key FROM grouped)) k
    JOIN data_source s ON s.source_id = k.source_id
    GROUP BY k.source_key
)
SELECT g.indicator_id, g.period, g.code, g.value, g.method, g.source_level, g.n_values, g.n_units,
       l.status, l.source_ids, l.source_title_id, l.source_title_en
FROM grouped g
JOIN labels l USING (source_key)
ORDER BY g.indicator_id, g.period, g.code
