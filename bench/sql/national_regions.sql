-- The whole official region list (idn-area-data: 38 provinsi, 514 kab/kota, 7,285 kecamatan,
-- 83,762 desa/kelurahan) for the national-scale benchmark: the columns and rules of
-- queries/build/load_regions.sql without its province-35 filter. Params: $provinces,
-- $regencies, $districts, $villages (paths); $only (a list of province codes, or NULL for all).
INSERT INTO region
SELECT code, name, 'provinsi', 'provinsi', NULL, NULL, 'idn_area_data'
FROM read_csv($provinces, header = true, columns = {'code': 'VARCHAR', 'name': 'VARCHAR'})
WHERE $only IS NULL OR list_contains($only, code);

INSERT INTO region
SELECT code, name, 'kabkota', CASE WHEN name LIKE 'Kota %' THEN 'kota' ELSE 'kabupaten' END,
       province_code, code, 'idn_area_data'
FROM read_csv($regencies, header = true,
              columns = {'code': 'VARCHAR', 'province_code': 'VARCHAR', 'name': 'VARCHAR'})
WHERE $only IS NULL OR list_contains($only, province_code);

INSERT INTO region
SELECT code, name, 'kecamatan', 'kecamatan', regency_code, regency_code, 'idn_area_data'
FROM read_csv($districts, header = true,
              columns = {'code': 'VARCHAR', 'regency_code': 'VARCHAR', 'name': 'VARCHAR'})
WHERE $only IS NULL OR list_contains($only, left(regency_code, 2));

INSERT INTO region
SELECT code, name, 'desa', CASE WHEN split_part(code, '.', 4) LIKE '1%' THEN 'kelurahan' ELSE 'desa' END,
       district_code, left(district_code, 5), 'idn_area_data'
FROM read_csv($villages, header = true,
              columns = {'code': 'VARCHAR', 'district_code': 'VARCHAR', 'name': 'VARCHAR'})
WHERE $only IS NULL OR list_contains($only, left(district_code, 2));
