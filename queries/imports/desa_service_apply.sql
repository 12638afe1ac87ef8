-- Basic-service demand and supply per desa and year into indicator_value (one column per
-- catalog indicator; blank cells are no value and leave published values alone). The kecamatan
-- gaps follow from them in cettar.derive.refresh.
CREATE OR REPLACE TEMP TABLE staged_service_values AS
SELECT region_code, indicator_id, period, CAST(value AS DOUBLE) AS value, source_id
FROM (UNPIVOT staged
      ON jumlah_balita, kelahiran_tanpa_akta, anak_tidak_sekolah, ruta_dtks,
         jumlah_posyandu, titik_layanan_adminduk, jumlah_sekolah, jumlah_pos_kesehatan
      INTO NAME indicator_id VALUE value);

DELETE FROM indicator_value v USING staged_service_values n
WHERE n.region_code = v.region_code AND n.indicator_id = v.indicator_id AND n.period = v.period;

INSERT INTO indicator_value (region_code, indicator_id, period, value, source_id)
SELECT region_code, indicator_id, period, value, source_id FROM staged_service_values;

DROP TABLE staged_service_values;
