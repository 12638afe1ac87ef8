-- IDM aggregates of one period, recomputed from every desa value in indicator_value: per
-- kecamatan, kab/kota and the province, the mean of idm/iks/ike/ikl, the desa count per status
-- class (relation idm_classes: indicator_id, lower_bound < idm <= upper_bound, from the
-- catalog thresholds), the desa count and the share of the top class (Mandiri), in percent.
-- Params: $period, $source_id, $top_class (indicator id of the top class), $share_id.
WITH desa AS (
    SELECT v.region_code, v.indicator_id, v.value,
           r.parent_code AS kecamatan, r.kabkota_code AS kabkota, left(r.code, 2) AS provinsi
    FROM indicator_value v
    JOIN region r ON r.code = v.region_code
    WHERE r.level = 'desa' AND v.period = $period AND v.indicator_id IN ('idm', 'iks', 'ike', 'ikl')
),
by_area AS (
    SELECT kecamatan AS area, indicator_id, value FROM desa
    UNION ALL SELECT kabkota, indicator_id, value FROM desa
    UNION ALL SELECT provinsi, indicator_id, value FROM desa
),
idm AS (
    SELECT area, value FROM by_area WHERE indicator_id = 'idm'
),
n_desa AS (
    SELECT area, count(*) AS n FROM idm GROUP BY area
),
classes AS (
    SELECT i.area, c.indicator_id,
           count(*) FILTER (WHERE i.value > c.lower_bound AND i.value <= c.upper_bound) AS n
    FROM idm i CROSS JOIN idm_classes c
    GROUP BY i.area, c.indicator_id
),
result AS (
    SELECT area, indicator_id, avg(value) AS value FROM by_area GROUP BY area, indicator_id
    UNION ALL
    SELECT area, indicator_id, n FROM classes
    UNION ALL
    SELECT area, 'idm_n_desa', n FROM n_desa
    UNION ALL
    SELECT c.area, $share_id, 100.0 * c.n / t.n
    FROM classes c JOIN n_desa t USING (area)
    WHERE c.indicator_id = $top_class
)
SELECT area AS region_code, indicator_id, $period AS period, CAST(value AS DOUBLE) AS value, $source_id AS source_id
FROM result
ORDER BY region_code, indicator_id;
