-- Indicator values at one map level: one row per region x indicator x period that has a value.
-- Params: $level (kabkota | kecamatan | desa, from the page's allow-list), $indicator (one id,
-- or NULL for every indicator), $period (one period such as '2024', or NULL for every period),
-- $scope (a kab/kota code, or NULL for the whole province).
--
-- Per indicator x period, values stored at $level are used when there are any; otherwise the
-- values of the nearest level below that has some are rolled up to $level by the catalog's
-- aggregation rule (mean | sum | max). An indicator whose rule is 'none' (a share that must be
-- recomputed from counts) is never rolled up. n_values says how many values stand behind a
-- rolled-up one, n_units how many regions of that level there are in the target region.
WITH depth(level, d) AS (VALUES ('kabkota', 1), ('kecamatan', 2), ('desa', 3)),
target AS (SELECT d FROM depth WHERE level = $level),
raw AS (
    SELECT v.indicator_id, v.period, v.value, dp.d AS depth, r.code,
           CASE WHEN dp.d = t.d THEN r.code
                WHEN $level = 'kabkota' THEN r.kabkota_code
                ELSE r.parent_code
           END AS target_code,
           s.status, s.source_id, s.title_id, s.title_en
    FROM indicator_value v
    JOIN region r ON r.code = v.region_code
    JOIN depth dp ON dp.level = r.level
    JOIN data_source s ON s.source_id = v.source_id
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
)
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
       string_agg(DISTINCT raw.status, ', ' ORDER BY raw.status) AS status,
       string_agg(DISTINCT raw.source_id, ', ' ORDER BY raw.source_id) AS source_ids,
       string_agg(DISTINCT raw.title_id, '; ' ORDER BY raw.title_id) AS source_title_id,
       string_agg(DISTINCT raw.title_en, '; ' ORDER BY raw.title_en) AS source_title_en
FROM raw
JOIN chosen c ON c.indicator_id = raw.indicator_id AND c.period = raw.period AND c.depth = raw.depth
JOIN indicator i ON i.indicator_id = raw.indicator_id
CROSS JOIN target t
LEFT JOIN units u ON u.depth = raw.depth AND u.target_code = raw.target_code
WHERE raw.target_code IS NOT NULL
  AND (c.depth = t.d OR i.aggregation IN ('mean', 'sum', 'max'))
GROUP BY raw.indicator_id, raw.period, raw.target_code, c.depth, t.d, i.aggregation
ORDER BY raw.indicator_id, raw.period, code
