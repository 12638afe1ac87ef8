-- Replace coordination records with the same kecamatan, date and type by the staged rows.
DELETE FROM coordination_record c USING staged s
WHERE s.kecamatan_code = c.kecamatan_code AND s.activity_date = c.activity_date AND s.activity_type = c.activity_type;

INSERT INTO coordination_record
SELECT (SELECT coalesce(max(record_id), 0) FROM coordination_record) + row_number() OVER (ORDER BY row_number),
       kecamatan_code, activity_date, activity_type, agencies, participants, outcome, source_id
FROM staged;
