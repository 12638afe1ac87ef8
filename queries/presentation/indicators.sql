-- Indicators a presentation can show on its kecamatan map and KOMPAK comparison: those with
-- yearly values per kecamatan (stored, or per desa with a roll-up rule), with the catalog fields
-- the slides need and the years that have values (from indicator_coverage). The CETTAR index
-- comes first (the storyline's default indicator), then CETTAR pillar order. Grain: one row per
-- indicator.
SELECT i.indicator_id, i.name_id, i.name_en, i.unit, i.direction, i.value_type, i.native_level,
       i.aggregation, i.pillar, i.thresholds, i.decimals,
       string_agg(DISTINCT c.period, ',' ORDER BY c.period) AS periods
FROM indicator i
JOIN indicator_coverage c ON c.indicator_id = i.indicator_id
WHERE length(c.period) = 4
  AND (c.level = 'kecamatan' OR (c.level = 'desa' AND i.aggregation IN ('mean', 'sum', 'max')))
GROUP BY i.indicator_id, i.name_id, i.name_en, i.unit, i.direction, i.value_type, i.native_level,
         i.aggregation, i.pillar, i.thresholds, i.decimals
ORDER BY i.indicator_id <> 'indeks_cettar',
         coalesce(list_position(['cepat', 'efektif_efisien', 'tanggap', 'transparan', 'responsif'], i.pillar), 99),
         i.indicator_id
