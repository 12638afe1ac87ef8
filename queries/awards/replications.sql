-- Where innovations started and where they were taken up: one row per innovation x adopting
-- region, with both regions' names, levels and kab/kota, and the data status of the source
-- (demo rows are generated; the page labels them). Params: $year_from, $year_to (year of
-- adoption, inclusive); $kabkota_codes (list: rows whose origin or adopter lies in one of these
-- kab/kota, NULL = all).
SELECT p.innovation_name, i.innovation_id, i.start_year, i.service_domain,
       p.origin_region_code, o.name AS origin_name, o.level AS origin_level, o.kabkota_code AS origin_kabkota,
       p.adopting_region_code, d.name AS adopting_name, d.level AS adopting_level, d.kabkota_code AS adopting_kabkota,
       dk.name AS adopting_kabkota_name,
       p.year, p.source_url, p.note, p.source_id, s.status, s.title_id AS source_title_id, s.title_en AS source_title_en
FROM replication p
JOIN data_source s ON s.source_id = p.source_id
LEFT JOIN innovation i ON i.name = p.innovation_name AND i.region_code = p.origin_region_code
LEFT JOIN region o ON o.code = p.origin_region_code
LEFT JOIN region d ON d.code = p.adopting_region_code
LEFT JOIN region dk ON dk.code = d.kabkota_code
WHERE p.year BETWEEN $year_from AND $year_to
  AND ($kabkota_codes IS NULL
       OR list_contains($kabkota_codes, o.kabkota_code)
       OR list_contains($kabkota_codes, d.kabkota_code))
ORDER BY p.innovation_name, p.origin_region_code, p.year, p.adopting_region_code
