-- The indicator catalog with coverage: regions and periods with a value, and their status.
SELECT i.*,
       count(DISTINCT v.region_code) AS regions,
       min(v.period) AS first_period,
       max(v.period) AS last_period,
       string_agg(DISTINCT s.status, ', ' ORDER BY s.status) AS status
FROM indicator i
LEFT JOIN indicator_value v USING (indicator_id)
LEFT JOIN data_source s ON s.source_id = v.source_id
GROUP BY ALL
ORDER BY i.pillar NULLS LAST, i.indicator_id
