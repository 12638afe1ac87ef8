-- Replace delegated authorities with the same kecamatan, authority and year by the staged rows.
DELETE FROM delegated_authority a USING staged s
WHERE s.kecamatan_code = a.kecamatan_code AND s.authority = a.authority AND s.year = a.year;

INSERT INTO delegated_authority
SELECT kecamatan_code, year, authority, authority_type, sector, regulation_type, regulation_number, regulation_year,
       since_year, evaluation, evaluation_score, note, source_id
FROM staged;
