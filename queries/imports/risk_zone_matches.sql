-- Published risk zones that the staged rows replace (same week and kab/kota).
SELECT count(*) FROM risk_zone z
SEMI JOIN staged s ON s.week_date = z.week_date AND s.kabkota_code = z.kabkota_code;
