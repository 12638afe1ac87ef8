-- Official region list (idn-area-data CSVs), province 35 only. Params: $provinces, $regencies,
-- $districts, $villages (paths). Kelurahan codes have a 1 as the first digit of the last
-- segment, desa a 2 (Permendagri coding rule).
INSERT INTO region
SELECT code, name, 'provinsi', 'provinsi', NULL, NULL, 'idn_area_data'
FROM read_csv($provinces, header = true, columns = {'code': 'VARCHAR', 'name': 'VARCHAR'})
WHERE code = '35';

INSERT INTO region
SELECT code,
       name,
       'kabkota',
       CASE WHEN name LIKE 'Kota %' THEN 'kota' ELSE 'kabupaten' END,
       province_code,
       code,
       'idn_area_data'
FROM read_csv($regencies, header = true,
              columns = {'code': 'VARCHAR', 'province_code': 'VARCHAR', 'name': 'VARCHAR'})
WHERE province_code = '35';

INSERT INTO region
SELECT code, name, 'kecamatan', 'kecamatan', regency_code, regency_code, 'idn_area_data'
FROM read_csv($districts, header = true,
              columns = {'code': 'VARCHAR', 'regency_code': 'VARCHAR', 'name': 'VARCHAR'})
WHERE regency_code LIKE '35.%';

INSERT INTO region
SELECT code,
       name,
       'desa',
       CASE WHEN split_part(code, '.', 4) LIKE '1%' THEN 'kelurahan' ELSE 'desa' END,
       district_code,
       left(district_code, 5),
       'idn_area_data'
FROM read_csv($villages, header = true,
              columns = {'code': 'VARCHAR', 'district_code': 'VARCHAR', 'name': 'VARCHAR'})
WHERE district_code LIKE '35.%';
