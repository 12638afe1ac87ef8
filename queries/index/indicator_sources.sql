-- Per pillar indicator in one year ($year): kecamatan with a value, and the sources behind them.
SELECT i.indicator_id,
       count(DISTINCT v.region_code) AS kecamatan,
       string_agg(DISTINCT s.title_id, '; ' ORDER BY s.title_id) AS sources_id,
       string_agg(DISTINCT s.title_en, '; ' ORDER BY s.title_en) AS sources_en,
       string_agg(DISTINCT s.status, ', ' ORDER BY s.status) AS status
FROM indicator i
LEFT JOIN (
    SELECT v.* FROM indicator_value v JOIN region r ON r.code = v.region_code
    WHERE r.level = 'kecamatan' AND v.period = $year
) v USING (indicator_id)
LEFT JOIN data_source s ON s.source_id = v.source_id
WHERE i.pillar IS NOT NULL
GROUP BY i.indicator_id
ORDER BY i.indicator_id
