-- Official regions below the province, for matching boundary features to Kemendagri codes.
SELECT code, name, level, type, parent_code, kabkota_code
FROM region
WHERE level <> 'provinsi'
ORDER BY code
