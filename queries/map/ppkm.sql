-- PPKM level history of one kab/kota ($kabkota), in the order the Inmendagri were issued.
SELECT p.inmendagri, p.valid_from, p.valid_to, p.level, p.evidence, p.source_url, s.status
FROM ppkm_level p
JOIN data_source s ON s.source_id = p.source_id
WHERE p.kabkota_code = $kabkota
ORDER BY CAST(split_part(p.inmendagri, '/', 2) AS INTEGER), CAST(split_part(p.inmendagri, '/', 1) AS INTEGER)
