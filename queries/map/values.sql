-- Indicator values at one map level: one row per region x indicator x period that has a value.
-- Params: $level (kabkota | kecamatan | desa, from the page's allow-list), $indicator (one id,
-- or NULL for every indicator), $period (one period such as '2024', or NULL for every period),
-- $scope (a kab/kota code, or NULL for the whole province).
--
-- Kab/kota and kecamatan values come from region_value, computed once per data version by the
-- build and every publish (queries/build/region_values.sql): per indicator x period, values
-- stored at the level, else those of the nearest level below rolled up by the catalog's
-- aggregation rule (mean | sum | max; never 'none'). A scope only filters the regions, so a
-- region shows the same value at every zoom. Desa values are the stored ones. n_values says how
-- many values stand behind a value, n_units how many regions of the source level the region holds.
WITH v AS (
    SELECT rv.indicator_id, rv.period, rv.code, rv.value, rv.method, rv.source_level, rv.n_values, rv.n_units,
           rv.source_ids
    FROM region_value rv
    JOIN region r ON r.code = rv.code
    WHERE $level IN ('kabkota', 'kecamatan') AND rv.level = $level
      AND ($indicator IS NULL OR rv.indicator_id = $indicator)
      AND ($period IS NULL OR rv.period = $period)
      AND ($scope IS NULL OR r.kabkota_code = $scope)
    UNION ALL
    SELECT iv.indicator_id, iv.period, iv.region_code, iv.value, 'stored', 'desa', 1, 1, iv.source_id
    FROM indicator_value iv
    JOIN region r ON r.code = iv.region_code AND r.level = 'desa'
    WHERE $level = 'desa'
      AND ($indicator IS NULL OR iv.indicator_id = $indicator)
      AND ($period IS NULL OR iv.period = $period)
      AND ($scope IS NULL OR r.kabkota_code = $scope)
),
labels AS (  -- one row per distinct set of sources (a handful), not per region
    SELECT k.source_ids,
           string_agg(DISTINCT s.status, ', ' ORDER BY s.status) AS status,
           string_agg(DISTINCT s.source_id, ', ' ORDER BY s.source_id) AS source_list,
           string_agg(DISTINCT s.title_id, '; ' ORDER BY s.title_id) AS source_title_id,
           string_agg(DISTINCT s.title_en, '; ' ORDER BY s.title_en) AS source_title_en
    FROM (SELECT source_ids, unnest(string_split(source_ids, ',')) AS source_id
          FROM (SELECT DISTINCT source_ids FROM v)) k
    JOIN data_source s ON s.source_id = k.source_id
    GROUP BY k.source_ids
)
SELECT v.indicator_id, v.period, v.code, v.value, v.method, v.source_level,
       CAST(v.n_values AS BIGINT) AS n_values, CAST(v.n_units AS BIGINT) AS n_units,
       l.status, l.source_list AS source_ids, l.source_title_id, l.source_title_en
FROM v
JOIN labels l USING (source_ids)
ORDER BY v.indicator_id, v.period, v.code
