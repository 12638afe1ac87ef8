-- Replace awards with the same key by the staged rows (new award_ids follow the largest one),
-- then add the innovations they name, as the build derives them from the compiled awards.
DELETE FROM award a USING staged s
WHERE s.year = a.year AND s.award_name = a.award_name AND s.recipient_name = a.recipient_name
  AND s.innovation_name IS NOT DISTINCT FROM a.innovation_name
  AND s.rank_category IS NOT DISTINCT FROM a.rank_category;

INSERT INTO award
SELECT (SELECT coalesce(max(award_id), 0) FROM award) + row_number() OVER (ORDER BY row_number),
       year, award_name, giver, recipient_level, recipient_name, region_code, innovation_name, rank_category,
       event_date, event_date_text, source_url, source_publisher, note, source_id
FROM staged;

INSERT INTO innovation
SELECT (SELECT coalesce(max(innovation_id), 0) FROM innovation) + row_number() OVER (ORDER BY first_row),
       innovation_name, region_code, NULL, NULL, NULL, NULL, source_id
FROM (SELECT innovation_name, region_code, min(row_number) AS first_row, any_value(source_id) AS source_id
      FROM staged WHERE innovation_name IS NOT NULL AND region_code IS NOT NULL
      GROUP BY innovation_name, region_code) n
WHERE NOT EXISTS (SELECT 1 FROM innovation i WHERE i.name = n.innovation_name AND i.region_code = n.region_code);
