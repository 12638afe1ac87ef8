-- Published coordination records that the staged rows replace (same kecamatan, date, type).
SELECT count(*) FROM coordination_record c
SEMI JOIN staged s
  ON s.kecamatan_code = c.kecamatan_code AND s.activity_date = c.activity_date AND s.activity_type = c.activity_type;
