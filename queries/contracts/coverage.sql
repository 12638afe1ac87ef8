-- indicator_coverage and indicator_regions: exactly what indicator_value holds (they are derived
-- from it in every build and publish; a stale summary would hide or invent data on the pages).
WITH actual AS (
    SELECT v.indicator_id, v.period, r.level, v.source_id, count(*) AS n_values
    FROM indicator_value v JOIN region r ON r.code = v.region_code
    GROUP BY ALL
),
diff AS (
    SELECT coalesce(a.indicator_id, c.indicator_id) AS indicator_id, coalesce(a.period, c.period) AS period,
           coalesce(a.level, c.level) AS level, coalesce(a.source_id, c.source_id) AS source_id,
           coalesce(a.n_values, 0) AS actual, coalesce(c.n_values, 0) AS summarised
    FROM actual a
    FULL JOIN indicator_coverage c
      ON c.indicator_id = a.indicator_id AND c.period = a.period AND c.level = a.level AND c.source_id = a.source_id
    WHERE a.n_values IS DISTINCT FROM c.n_values
)
SELECT 'indicator_coverage' AS table_name,
       indicator_id || ' / ' || period || ' / ' || level || ' / ' || source_id AS row_key,
       'summarises ' || summarised || ' value(s), indicator_value holds ' || actual AS problem
FROM diff
UNION ALL
SELECT 'indicator_regions', coalesce(a.indicator_id, s.indicator_id),
       'summarises ' || coalesce(s.regions, 0) || ' region(s), indicator_value has ' || coalesce(a.regions, 0)
FROM (SELECT indicator_id, count(DISTINCT region_code) AS regions FROM indicator_value GROUP BY indicator_id) a
FULL JOIN indicator_regions s ON s.indicator_id = a.indicator_id
WHERE a.regions IS DISTINCT FROM s.regions
