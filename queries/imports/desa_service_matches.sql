-- Staged desa x year rows of basic-service demand and supply (cettar import services) that
-- replace at least one published value (same desa, indicator, year). Blank cells are no value.
SELECT count(DISTINCT n.row_number)
FROM (UNPIVOT staged
      ON jumlah_balita, kelahiran_tanpa_akta, anak_tidak_sekolah, ruta_dtks,
         jumlah_posyandu, titik_layanan_adminduk, jumlah_sekolah, jumlah_pos_kesehatan
      INTO NAME indicator_id VALUE value) n
SEMI JOIN indicator_value v ON v.region_code = n.region_code AND v.indicator_id = n.indicator_id AND v.period = n.period;
