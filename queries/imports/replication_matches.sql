-- Published replications that the staged rows replace (same innovation, origin and adopting region;
-- demo rows included).
SELECT count(*) FROM replication r
SEMI JOIN staged s
  ON s.innovation_name = r.innovation_name AND s.origin_region_code = r.origin_region_code
 AND s.adopting_region_code = r.adopting_region_code;
