-- The regions an award map draws: every kab/kota or kecamatan ($map_level: kabkota | kecamatan)
-- of East Java, or of one kab/kota ($scope: a kab/kota code, NULL = the whole province), with
-- the kab/kota it belongs to and whether that kab/kota is in KOMPAK.
SELECT r.code, r.name, r.level, r.type, r.kabkota_code, k.name AS kabkota_name,
       coalesce(r.kabkota_code IN (SELECT kabkota_code FROM program_membership WHERE program = 'KOMPAK'), false) AS kompak
FROM region r
LEFT JOIN region k ON k.code = r.kabkota_code
WHERE r.level = $map_level
  AND r.code LIKE '35.%'
  AND ($scope IS NULL OR r.kabkota_code = $scope)
ORDER BY r.code
