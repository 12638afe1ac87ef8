-- Kecamatan mean of each pillar indicator in one year ($year) and area ($scope or NULL),
-- with the data status of the values behind it.
SELECT i.indicator_id, i.name_id, i.name_en, i.pillar, i.unit, i.decimals, i.direction,
       avg(v.value) AS mean_value,
       count(*) AS kecamatan,
       string_agg(DISTINCT s.status, ', ' ORDER BY s.status) AS status
FROM indicator_value v
JOIN indicator i USING (indicator_id)
JOIN region r ON r.code = v.region_code
JOIN data_source s ON s.source_id = v.source_id
WHERE v.period = $year
  AND r.level = 'kecamatan'
  AND i.pillar IS NOT NULL
  AND ($scope IS NULL OR r.kabkota_code = $scope)
GROUP BY ALL
ORDER BY i.pillar, i.indicator_id
