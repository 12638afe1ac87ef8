-- The kecamatan of the area ($scope: a kab/kota code, or NULL for the province) with their
-- kab/kota and how many desa/kelurahan each has. Grain: one row per kecamatan.
SELECT k.code, k.name, k.kabkota_code, b.name AS kabkota_name, count(d.code) AS n_desa_total
FROM region k
JOIN region b ON b.code = k.kabkota_code
LEFT JOIN region d ON d.parent_code = k.code AND d.level = 'desa'
WHERE k.level = 'kecamatan' AND ($scope IS NULL OR k.kabkota_code = $scope)
GROUP BY ALL
ORDER BY k.code
