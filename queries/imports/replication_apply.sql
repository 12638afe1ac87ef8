-- Replace replications with the same innovation, origin and adopting region by the staged rows.
DELETE FROM replication r USING staged s
WHERE s.innovation_name = r.innovation_name AND s.origin_region_code = r.origin_region_code
  AND s.adopting_region_code = r.adopting_region_code;

INSERT INTO replication
SELECT innovation_name, origin_region_code, adopting_region_code, year, source_url, note, source_id
FROM staged;
