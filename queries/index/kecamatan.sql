-- Every kecamatan with its kab/kota, for names and the area filter.
SELECT k.code, k.name, k.kabkota_code, b.name AS kabkota_name
FROM region k JOIN region b ON b.code = k.kabkota_code
WHERE k.level = 'kecamatan'
ORDER BY k.code
