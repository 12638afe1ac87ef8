-- The innovation registry: one row per innovation x originating region, with the region's
-- level, the awards that name it (linked by name + region), its replications and the data
-- status of its source. Names in parentheses are placeholders of the compiled award facts
-- ("(innovation not named in the sources seen)"), not innovations, and are left out.
-- Also read by the demo generator (cettar/demo_innovation.py). Params: $kabkota_codes (list:
-- innovations that started in one of these kab/kota, NULL = all).
WITH awarded AS (
    SELECT innovation_name, region_code, count(*) AS awards, min(year) AS first_award_year,
           string_agg(DISTINCT award_name, ' | ' ORDER BY award_name) AS award_names
    FROM award WHERE innovation_name IS NOT NULL GROUP BY innovation_name, region_code
),
reps AS (
    SELECT innovation_name, origin_region_code, count(*) AS replications,
           string_agg(DISTINCT s.status, ', ' ORDER BY s.status) AS replication_status
    FROM replication p JOIN data_source s ON s.source_id = p.source_id
    GROUP BY innovation_name, origin_region_code
)
SELECT i.innovation_id, i.name, i.region_code, r.name AS region_name, r.level AS region_level,
       r.kabkota_code, i.start_year, i.service_domain, i.status AS innovation_status, i.description,
       coalesce(a.awards, 0) AS awards, a.first_award_year, a.award_names,
       coalesce(p.replications, 0) AS replications, p.replication_status,
       i.source_id, s.status
FROM innovation i
JOIN data_source s ON s.source_id = i.source_id
LEFT JOIN region r ON r.code = i.region_code
LEFT JOIN awarded a ON a.innovation_name = i.name AND a.region_code = i.region_code
LEFT JOIN reps p ON p.innovation_name = i.name AND p.origin_region_code = i.region_code
WHERE NOT starts_with(i.name, '(')
  AND ($kabkota_codes IS NULL OR list_contains($kabkota_codes, r.kabkota_code))
ORDER BY i.region_code, i.name
