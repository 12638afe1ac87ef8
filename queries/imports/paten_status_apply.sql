-- Replace PATEN statuses with the same kecamatan and year by the staged rows ('ya'/'tidak' -> boolean).
DELETE FROM paten_status p USING staged s
WHERE s.kecamatan_code = p.kecamatan_code AND s.year = p.year;

INSERT INTO paten_status
SELECT kecamatan_code, year, implemented = 'ya', since_year, services_offered, services,
       CASE standard_published WHEN 'ya' THEN true WHEN 'tidak' THEN false END, note, source_id
FROM staged;
