-- region_value (the kab/kota and kecamatan map values, derived in every build and publish) must
-- stand on what indicator_value holds: per level x indicator x period, the values it counts are
-- all the values of its source level, and every value stored at a map level is shown there.
-- (A count check, cheap at national scale; the values themselves are tested in tests/.)
WITH rv AS (
    SELECT level, indicator_id, period, min(source_level) AS source_level,
           count(DISTINCT source_level) AS levels, sum(n_values) AS n
    FROM region_value GROUP BY ALL
),
cov AS (SELECT indicator_id, period, level, sum(n_values) AS n FROM indicator_coverage GROUP BY ALL)
SELECT 'region_value' AS table_name, rv.level || ' / ' || rv.indicator_id || ' / ' || rv.period AS row_key,
       CASE WHEN rv.levels > 1 THEN 'mixes values of several levels'
            ELSE 'counts ' || rv.n || ' value(s) of level ' || rv.source_level || ', indicator_value holds ' || coalesce(cov.n, 0)
       END AS problem
FROM rv
LEFT JOIN cov ON cov.indicator_id = rv.indicator_id AND cov.period = rv.period AND cov.level = rv.source_level
WHERE rv.levels > 1 OR rv.n <> coalesce(cov.n, 0)
UNION ALL
SELECT 'region_value', cov.level || ' / ' || cov.indicator_id || ' / ' || cov.period,
       cov.n || ' stored value(s) missing from the map values'
FROM cov
WHERE cov.level IN ('kabkota', 'kecamatan')
  AND NOT EXISTS (SELECT 1 FROM rv WHERE rv.level = cov.level AND rv.indicator_id = cov.indicator_id AND rv.period = cov.period)
