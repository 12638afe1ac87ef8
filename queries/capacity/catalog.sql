-- The catalog rows of the service indicators ($indicators: demand, supply, gaps and ratios).
SELECT indicator_id, name_id, name_en, unit, direction, value_type, native_level, aggregation, pillar,
       thresholds, decimals, description_id, description_en
FROM indicator
WHERE list_contains($indicators, indicator_id)
ORDER BY indicator_id
