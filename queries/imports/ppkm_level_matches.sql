-- Published PPKM levels that the staged rows replace (same Inmendagri and kab/kota).
SELECT count(*) FROM ppkm_level p
SEMI JOIN staged s ON s.inmendagri = p.inmendagri AND s.kabkota_code = p.kabkota_code;
