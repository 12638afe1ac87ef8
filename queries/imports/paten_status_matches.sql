-- Published PATEN statuses that the staged rows replace (same kecamatan and year).
SELECT count(*) FROM paten_status p
SEMI JOIN staged s ON s.kecamatan_code = p.kecamatan_code AND s.year = p.year;
