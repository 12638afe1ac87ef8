-- Published innovations that the staged rows replace (same name and region).
SELECT count(*) FROM innovation i
SEMI JOIN staged s ON s.name = i.name AND s.region_code = i.region_code;
