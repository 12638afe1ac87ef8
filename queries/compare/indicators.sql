-- Indicators that have yearly values at kecamatan or desa level, in CETTAR pillar order, with
-- what the compare page needs from the catalog (aggregation rule, direction, decimals).
SELECT i.indicator_id, i.name_id, i.name_en, i.unit, i.direction, i.native_level, i.aggregation,
       i.pillar, i.decimals
FROM indicator i
WHERE EXISTS (
    SELECT 1
    FROM indicator_coverage c
    WHERE c.indicator_id = i.indicator_id AND length(c.period) = 4 AND c.level IN ('kecamatan', 'desa')
)
ORDER BY coalesce(list_position(['cepat', 'efektif_efisien', 'tanggap', 'transparan', 'responsif'], i.pillar), 99),
         i.indicator_id
