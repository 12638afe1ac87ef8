-- Replace risk zones with the same week and kab/kota by the staged rows.
DELETE FROM risk_zone z USING staged s WHERE s.week_date = z.week_date AND s.kabkota_code = z.kabkota_code;

INSERT INTO risk_zone
SELECT week_date, source_date, source_date_text, kabkota_code, zone, note, source_id
FROM staged;
