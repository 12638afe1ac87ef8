-- Coordination records between two dates, in the chosen area ($scope: kab/kota code or NULL)
-- and of the chosen activity types, with their kecamatan, kab/kota and data status.
SELECT c.record_id, c.activity_date, c.activity_type, c.agencies, c.participants, c.outcome,
       c.kecamatan_code, k.name AS kecamatan, k.kabkota_code, kk.name AS kabkota,
       c.source_id, s.status
FROM coordination_record c
JOIN region k ON k.code = c.kecamatan_code
JOIN region kk ON kk.code = k.kabkota_code
JOIN data_source s ON s.source_id = c.source_id
WHERE c.activity_date BETWEEN $date_from AND $date_to
  AND ($scope IS NULL OR k.kabkota_code = $scope)
  AND list_contains($activity_types, c.activity_type)
ORDER BY c.activity_date, c.kecamatan_code
