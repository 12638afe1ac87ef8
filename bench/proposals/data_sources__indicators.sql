-- PROPOSED rewrite of queries/data_sources/indicators.sql (same rows; see bench/queries.py).
-- Why: the original groups the joined values by every catalog column (GROUP BY ALL over i.*,
-- long description texts included) with DISTINCT aggregates: ~1 s at provincial scale for
-- 310 k values. Aggregating the values per indicator first, then joining the catalog, keeps
-- the hash table keyed by one short column.
WITH coverage AS (
    SELECT v.indicator_id,
           count(DISTINCT v.region_code) AS regions,
           min(v.period) AS first_period,
           max(v.period) AS last_period,
           string_agg(DISTINCT s.status, ', ' ORDER BY s.status) AS status
    FROM indicator_value v
    LEFT JOIN data_source s ON s.source_id = v.source_id
    GROUP BY v.indicator_id
)
SELECT i.*, coalesce(c.regions, 0) AS regions, c.first_period, c.last_period, c.status
FROM indicator i
LEFT JOIN coverage c USING (indicator_id)
ORDER BY i.pillar NULLS LAST, i.indicator_id
