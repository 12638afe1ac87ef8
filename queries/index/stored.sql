-- The stored index and pillar scores of one year ($year), as the map and profiles read them.
SELECT v.region_code, v.indicator_id, v.value, v.source_id, s.status
FROM indicator_value v JOIN data_source s USING (source_id)
WHERE v.period = $year
  AND v.indicator_id IN ('indeks_cettar', 'indeks_pilar_cepat', 'indeks_pilar_efektif_efisien',
                         'indeks_pilar_tanggap', 'indeks_pilar_transparan', 'indeks_pilar_responsif')
ORDER BY v.region_code, v.indicator_id
