-- Kapasitas & Layanan: delegated authority, PATEN, training, and the derived service gaps.
-- Unique keys, kecamatan that exist, allowed values, sane years and counts, known sources; the
-- derived gaps and ratios come only from cettar.capacity's refresh (its three sources), and its
-- sources carry nothing else. Allowed values match the choices of cettar/importers/tables.py.
SELECT 'delegated_authority' AS table_name, kecamatan_code || ' / ' || authority || ' / ' || year AS row_key,
       'duplicate authority for this kecamatan and year (' || count(*) || ' rows)' AS problem
FROM delegated_authority GROUP BY kecamatan_code, authority, year HAVING count(*) > 1
UNION ALL
SELECT 'delegated_authority', a.kecamatan_code || ' / ' || a.authority || ' / ' || a.year, 'not a kecamatan code'
FROM delegated_authority a ANTI JOIN (SELECT code FROM region WHERE level = 'kecamatan') r ON r.code = a.kecamatan_code
UNION ALL
SELECT 'delegated_authority', kecamatan_code || ' / ' || authority || ' / ' || year,
       'unknown authority_type, regulation_type or evaluation'
FROM delegated_authority
WHERE authority_type NOT IN ('perizinan', 'rekomendasi', 'koordinasi', 'pembinaan', 'pengawasan', 'fasilitasi', 'penetapan', 'penyelenggaraan', 'lainnya')
   OR regulation_type NOT IN ('perbup', 'perwal', 'lainnya')
   OR evaluation NOT IN ('sangat_baik', 'baik', 'cukup', 'kurang', 'belum_dievaluasi')
UNION ALL
SELECT 'delegated_authority', kecamatan_code || ' / ' || authority || ' / ' || year,
       'implausible year, regulation after the evaluation year, start after it, or score outside 0-100'
FROM delegated_authority
WHERE year NOT BETWEEN 2000 AND 2100 OR regulation_year > year OR since_year > year
   OR evaluation_score < 0 OR evaluation_score > 100 OR isnan(evaluation_score)
UNION ALL
SELECT 'paten_status', kecamatan_code || ' / ' || year, 'duplicate PATEN status for this kecamatan and year'
FROM paten_status GROUP BY kecamatan_code, year HAVING count(*) > 1
UNION ALL
SELECT 'paten_status', p.kecamatan_code || ' / ' || p.year, 'not a kecamatan code'
FROM paten_status p ANTI JOIN (SELECT code FROM region WHERE level = 'kecamatan') r ON r.code = p.kecamatan_code
UNION ALL
SELECT 'paten_status', kecamatan_code || ' / ' || year,
       'implausible year, PATEN start after the year it is reported for, or a negative service count'
FROM paten_status
WHERE year NOT BETWEEN 2000 AND 2100 OR (implemented AND since_year > year) OR services_offered < 0
UNION ALL
SELECT 'training_event', CAST(event_id AS VARCHAR), 'duplicate event_id'
FROM training_event GROUP BY event_id HAVING count(*) > 1
UNION ALL
SELECT 'training_event', name || ' / ' || CAST(start_date AS VARCHAR), 'duplicate event (name and start date)'
FROM training_event GROUP BY name, start_date HAVING count(*) > 1
UNION ALL
SELECT 'training_event', CAST(event_id AS VARCHAR), 'ends before it starts'
FROM training_event WHERE end_date < start_date
UNION ALL
SELECT 'training_participation', event_id || ' / ' || kecamatan_code || ' / ' || role, 'duplicate participant group'
FROM training_participation GROUP BY event_id, kecamatan_code, role HAVING count(*) > 1
UNION ALL
SELECT 'training_participation', t.event_id || ' / ' || t.kecamatan_code || ' / ' || t.role, 'event ' || t.event_id || ' does not exist'
FROM training_participation t ANTI JOIN training_event e USING (event_id)
UNION ALL
SELECT 'training_participation', t.event_id || ' / ' || t.kecamatan_code || ' / ' || t.role, 'not a kecamatan code'
FROM training_participation t ANTI JOIN (SELECT code FROM region WHERE level = 'kecamatan') r ON r.code = t.kecamatan_code
UNION ALL
SELECT 'training_participation', event_id || ' / ' || kecamatan_code || ' / ' || role, 'unknown role or no participants'
FROM training_participation
WHERE participants < 1 OR role NOT IN ('camat', 'sekretaris_camat', 'kasi_pelayanan', 'staf_paten', 'pendamping_desa', 'perangkat_desa', 'lainnya')
UNION ALL
SELECT t.table_name, t.row_key, 'source ' || t.source_id || ' is not a data source'
FROM (SELECT 'delegated_authority' AS table_name, kecamatan_code || ' / ' || authority || ' / ' || year AS row_key, source_id FROM delegated_authority
      UNION ALL SELECT 'paten_status', kecamatan_code || ' / ' || year, source_id FROM paten_status
      UNION ALL SELECT 'training_event', CAST(event_id AS VARCHAR), source_id FROM training_event
      UNION ALL SELECT 'training_participation', event_id || ' / ' || kecamatan_code || ' / ' || role, source_id FROM training_participation) t
ANTI JOIN data_source s ON s.source_id = t.source_id
UNION ALL
SELECT 'indicator_value', region_code || ' / ' || indicator_id || ' / ' || period,
       CASE WHEN list_contains(['layanan_dasar', 'layanan_dasar_compiled', 'layanan_dasar_demo'], source_id)
            THEN 'source ' || source_id || ' holds only the gaps and ratios the dashboard computes'
            ELSE 'service gaps and ratios are computed by the dashboard, not imported (source ' || source_id || ')' END
FROM indicator_value
WHERE list_contains(['layanan_dasar', 'layanan_dasar_compiled', 'layanan_dasar_demo'], source_id)
   <> list_contains(['kesenjangan_posyandu', 'rasio_posyandu', 'kesenjangan_adminduk', 'rasio_adminduk',
                     'kesenjangan_sekolah', 'rasio_sekolah', 'kesenjangan_pos_kesehatan', 'rasio_pos_kesehatan'], indicator_id)
UNION ALL
SELECT 'import_log', CAST(l.import_id AS VARCHAR), 'import of ' || l.kind || ' names source ' || l.source_id || ', which is missing or the demo source'
FROM import_log l LEFT JOIN data_source s ON s.source_id = l.source_id
WHERE l.kind IN ('authority', 'paten', 'training', 'services')
  AND (s.source_id IS NULL OR l.source_id = 'demo')
