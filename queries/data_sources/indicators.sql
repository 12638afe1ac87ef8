-- The indicator catalog with coverage: regions and periods with a value, and their status
-- (from indicator_coverage and indicator_regions, the build's summaries of indicator_value).
WITH c AS (
    SELECT c.indicator_id, min(c.period) AS first_period, max(c.period) AS last_period,
           string_agg(DISTINCT s.status, ', ' ORDER BY s.status) AS status
    FROM indicator_coverage c
    LEFT JOIN data_source s ON s.source_id = c.source_id
    GROUP BY c.indicator_id
)
SELECT i.*, coalesce(r.regions, 0) AS regions, c.first_period, c.last_period, c.status
FROM indicator i
LEFT JOIN c USING (indicator_id)
LEFT JOIN indicator_regions r USING (indicator_id)
ORDER BY i.pillar NULLS LAST, i.indicator_id
