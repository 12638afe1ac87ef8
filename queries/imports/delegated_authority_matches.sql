-- Published delegated authorities that the staged rows replace (same kecamatan, authority, year).
SELECT count(*) FROM delegated_authority a
SEMI JOIN staged s ON s.kecamatan_code = a.kecamatan_code AND s.authority = a.authority AND s.year = a.year;
