-- Regions per type inside the chosen area ($scope: a kab/kota code, or NULL for the province).
SELECT type, count(*) AS n
FROM region
WHERE level <> 'provinsi'
  AND ($scope IS NULL OR kabkota_code = $scope)
GROUP BY type
