-- Yearly values per kecamatan of the chosen indicators ($indicators, a list of ids).
-- Grain: one row per kecamatan x indicator x year.
-- A kecamatan-level value is taken as stored (weight 1). An indicator recorded per desa is rolled
-- up from its desa values by the catalog's rule (mean | sum | max; 'none' is never rolled up),
-- with weight = the desa count, so a weighted mean of kecamatan means equals the mean over desa.
-- A stored kecamatan value of a desa indicator is used only where no desa values exist.
WITH chosen AS (
    SELECT indicator_id, native_level, aggregation FROM indicator WHERE list_contains($indicators, indicator_id)
),
vals AS (
    SELECT v.region_code, v.indicator_id, v.period, v.value, s.status, r.level, r.parent_code,
           c.native_level, c.aggregation
    FROM indicator_value v
    JOIN chosen c USING (indicator_id)
    JOIN region r ON r.code = v.region_code
    JOIN data_source s ON s.source_id = v.source_id
    WHERE length(v.period) = 4 AND r.level IN ('kecamatan', 'desa')
),
from_desa AS (
    SELECT parent_code AS kecamatan_code, indicator_id, period,
           CASE aggregation WHEN 'mean' THEN avg(value) WHEN 'sum' THEN sum(value) ELSE max(value) END AS value,
           count(*) AS weight,
           string_agg(DISTINCT status, ', ' ORDER BY status) AS status
    FROM vals
    WHERE level = 'desa' AND native_level = 'desa' AND aggregation IN ('mean', 'sum', 'max')
    GROUP BY parent_code, indicator_id, period, aggregation
),
stored AS (
    SELECT region_code AS kecamatan_code, indicator_id, period, value, 1 AS weight, status
    FROM vals s
    WHERE level = 'kecamatan'
      AND NOT EXISTS (
          SELECT 1 FROM from_desa f
          WHERE f.kecamatan_code = s.region_code AND f.indicator_id = s.indicator_id AND f.period = s.period
      )
)
SELECT x.kecamatan_code, k.kabkota_code, x.indicator_id, x.period AS year,
       CAST(x.value AS DOUBLE) AS value, CAST(x.weight AS DOUBLE) AS weight, x.status
FROM (SELECT * FROM from_desa UNION ALL SELECT * FROM stored) x
JOIN region k ON k.code = x.kecamatan_code
ORDER BY x.indicator_id, x.period, x.kecamatan_code
