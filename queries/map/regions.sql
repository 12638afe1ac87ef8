-- The regions a map draws: every region of one level ($level: kabkota | kecamatan | desa) in
-- the scope ($scope: a kab/kota code, or NULL for the whole province), with its kab/kota.
SELECT r.code, r.name, r.type, r.parent_code, r.kabkota_code, k.name AS kabkota_name
FROM region r
LEFT JOIN region k ON k.code = r.kabkota_code AND k.level = 'kabkota'
WHERE r.level = $level
  AND r.code LIKE '35.%'
  AND ($scope IS NULL OR r.kabkota_code = $scope)
ORDER BY r.code
