-- Replace PPKM levels with the same Inmendagri and kab/kota by the staged rows.
DELETE FROM ppkm_level p USING staged s WHERE s.inmendagri = p.inmendagri AND s.kabkota_code = p.kabkota_code;

INSERT INTO ppkm_level
SELECT inmendagri, valid_from, valid_to, kabkota_code, level, evidence, source_url, source_publisher, note, source_id
FROM staged;
