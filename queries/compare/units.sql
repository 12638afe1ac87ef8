-- Kab/kota and kecamatan of the province, each with its kab/kota and that kab/kota's type.
-- Grain: one row per kab/kota or kecamatan.
SELECT r.code, r.name, r.level, k.code AS kabkota_code, k.name AS kabkota_name, k.type AS kabkota_type
FROM region r
JOIN region k ON k.code = r.kabkota_code
WHERE r.level IN ('kabkota', 'kecamatan')
ORDER BY r.code
