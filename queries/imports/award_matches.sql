-- Published awards that the staged rows replace (same year, award, recipient, innovation, rank).
SELECT count(*) FROM award a
SEMI JOIN staged s
  ON s.year = a.year AND s.award_name = a.award_name AND s.recipient_name = a.recipient_name
 AND s.innovation_name IS NOT DISTINCT FROM a.innovation_name
 AND s.rank_category IS NOT DISTINCT FROM a.rank_category;
