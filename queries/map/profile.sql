-- A region's profile for one period: per indicator with a value at the region's level, the
-- region's value, the median over every region of that level and over those of its kab/kota,
-- its rank (1 = best by the indicator's direction, ties share the lower rank) among all of them
-- and among those of its kab/kota, and whether its value comes from a demo source.
-- Params: $level (kabkota | kecamatan | desa, from an allow-list), $period, $code (the region),
-- $kabkota (its kab/kota code; for a kab/kota, itself). For a kab/kota the "kab/kota" median is
-- that of its kecamatan. Values as in map/values (region_value; desa values as stored), but
-- reduced in SQL to one row per indicator instead of sending every region's value.
WITH v AS (
    SELECT rv.indicator_id, rv.code, rv.value, rv.source_ids, r.kabkota_code
    FROM region_value rv
    JOIN region r ON r.code = rv.code
    WHERE $level IN ('kabkota', 'kecamatan') AND rv.level = $level AND rv.period = $period
    UNION ALL
    SELECT iv.indicator_id, iv.region_code, iv.value, iv.source_id, r.kabkota_code
    FROM indicator_value iv
    JOIN region r ON r.code = iv.region_code AND r.level = 'desa'
    WHERE $level = 'desa' AND iv.period = $period
),
below AS (  -- for a kab/kota: the median of its kecamatan
    SELECT rv.indicator_id, median(rv.value) AS median
    FROM region_value rv
    JOIN region r ON r.code = rv.code
    WHERE $level = 'kabkota' AND rv.level = 'kecamatan' AND rv.period = $period AND r.kabkota_code = $code
    GROUP BY rv.indicator_id
),
mine AS (
    SELECT indicator_id, value, source_ids FROM v WHERE code = $code
),
stats AS (
    SELECT v.indicator_id,
           median(v.value) AS province_median,
           median(v.value) FILTER (WHERE v.kabkota_code = $kabkota) AS peers_median,
           count(v.value) AS ranked,
           count(v.value) FILTER (WHERE v.kabkota_code = $kabkota) AS ranked_kabkota,
           1 + count(*) FILTER (WHERE m.value IS NOT NULL AND
               CASE WHEN i.direction = 'lower_is_better' THEN v.value < m.value ELSE v.value > m.value END) AS rank,
           1 + count(*) FILTER (WHERE m.value IS NOT NULL AND v.kabkota_code = $kabkota AND
               CASE WHEN i.direction = 'lower_is_better' THEN v.value < m.value ELSE v.value > m.value END) AS rank_kabkota
    FROM v
    JOIN indicator i USING (indicator_id)
    LEFT JOIN mine m USING (indicator_id)
    GROUP BY v.indicator_id
),
demo AS (
    SELECT m.indicator_id, bool_or(s.status = 'demo') AS demo
    FROM (SELECT indicator_id, unnest(string_split(source_ids, ',')) AS source_id FROM mine) m
    JOIN data_source s USING (source_id)
    GROUP BY m.indicator_id
)
SELECT st.indicator_id,
       m.value,
       st.province_median,
       CASE WHEN $level = 'kabkota' THEN b.median ELSE st.peers_median END AS kabkota_median,
       CASE WHEN m.value IS NULL THEN NULL ELSE st.rank END AS rank,
       st.ranked,
       CASE WHEN m.value IS NULL THEN NULL ELSE st.rank_kabkota END AS rank_kabkota,
       st.ranked_kabkota,
       coalesce(d.demo, false) AS demo
FROM stats st
LEFT JOIN mine m USING (indicator_id)
LEFT JOIN below b USING (indicator_id)
LEFT JOIN demo d USING (indicator_id)
ORDER BY st.indicator_id
