-- Weekly COVID-19 risk zone per kab/kota (a different measure from the PPKM level).
SELECT z.week_date, z.source_date, z.source_date_text, z.kabkota_code, r.name, z.zone, z.note, z.source_id
FROM risk_zone z JOIN region r ON r.code = z.kabkota_code
ORDER BY z.week_date, z.kabkota_code
