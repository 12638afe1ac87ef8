-- The indicator catalog for the map page, with where data exists: the region levels and the
-- periods that have values (from indicator_coverage, the build's summary of indicator_value).
-- Pillars in CETTAR order, indicators without a pillar (IDM) last.
SELECT i.indicator_id, i.name_id, i.name_en, i.unit, i.direction, i.value_type, i.native_level,
       i.aggregation, i.pillar, i.thresholds, i.decimals, i.description_id, i.description_en,
       coalesce(d.levels, '') AS levels,
       coalesce(d.periods, '') AS periods
FROM indicator i
LEFT JOIN (
    SELECT indicator_id,
           string_agg(DISTINCT level, ',' ORDER BY level) AS levels,
           string_agg(DISTINCT period, ',' ORDER BY period) AS periods
    FROM indicator_coverage
    GROUP BY indicator_id
) d USING (indicator_id)
ORDER BY CASE i.pillar WHEN 'cepat' THEN 1 WHEN 'efektif_efisien' THEN 2 WHEN 'tanggap' THEN 3
                       WHEN 'transparan' THEN 4 WHEN 'responsif' THEN 5 ELSE 6 END,
         i.indicator_id
