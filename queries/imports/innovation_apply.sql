-- Replace innovations with the same name and region by the staged rows.
DELETE FROM innovation i USING staged s WHERE s.name = i.name AND s.region_code = i.region_code;

INSERT INTO innovation
SELECT (SELECT coalesce(max(innovation_id), 0) FROM innovation) + row_number() OVER (ORDER BY row_number),
       name, region_code, start_year, service_domain, status, description, source_id
FROM staged;
