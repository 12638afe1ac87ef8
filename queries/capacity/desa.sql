-- The desa/kelurahan of one kecamatan ($kecamatan). Grain: one row per desa.
SELECT code, name, type
FROM region
WHERE level = 'desa' AND parent_code = $kecamatan
ORDER BY code
