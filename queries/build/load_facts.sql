-- The three compiled fact tables shipped in data/facts/ (real facts, one source per row).
-- Params: $ppkm, $awards, $kompak (paths).
INSERT INTO ppkm_level
SELECT inmendagri,
       TRY_CAST(berlaku_mulai AS DATE),
       TRY_CAST(berlaku_sampai AS DATE),
       kemendagri_code(kode_kabkota),
       CAST(level_ppkm AS INTEGER),
       evidence,
       source_url,
       source_publisher,
       catatan,
       'ppkm_compiled'
FROM read_csv($ppkm, header = true, all_varchar = true);

INSERT INTO award
SELECT row_number() OVER () AS award_id,
       CAST(tahun AS INTEGER),
       penghargaan,
       pemberi,
       tingkat_penerima,
       wilayah,
       kemendagri_code(kode_wilayah),
       inovasi,
       peringkat_kategori,
       TRY_CAST(left(tanggal_acara, 10) AS DATE),
       tanggal_acara,
       source_url,
       source_publisher,
       catatan,
       'awards_compiled'
FROM read_csv($awards, header = true, all_varchar = true);

INSERT INTO kompak_fact
SELECT row_number() OVER () AS fact_id,
       topik,
       kemendagri_code(kode_kabkota),
       kemendagri_code(kode_kec),
       fakta,
       tanggal,
       source_url,
       source_publisher,
       catatan,
       'kompak_compiled'
FROM read_csv($kompak, header = true, all_varchar = true);
