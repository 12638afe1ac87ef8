-- Awards that match the page's filters: one row per award row (award x recipient x innovation),
-- with the recipient's region, its kecamatan and kab/kota, KOMPAK membership of that kab/kota,
-- the data status of the source, and the innovation the award names, linked to the registry by
-- name + region (innovation_id NULL when the registry has no such innovation) with its count
-- of replications and their data status.
-- Params: $year_from, $year_to (integers, inclusive); $award_names (list of award.award_name,
-- NULL = every award); $recipient_levels (list of award.recipient_level, NULL = every level);
-- $kabkota_codes (list of kab/kota codes, NULL = everywhere, province-wide awards included);
-- $kompak ('all' | 'kompak' | 'non_kompak': the recipient's kab/kota in KOMPAK or not; awards
-- without a kab/kota count as neither).
WITH kompak AS (
    SELECT kabkota_code FROM program_membership WHERE program = 'KOMPAK'
),
reps AS (
    SELECT innovation_name, origin_region_code, count(*) AS replications,
           string_agg(DISTINCT s.status, ', ' ORDER BY s.status) AS replication_status
    FROM replication p JOIN data_source s ON s.source_id = p.source_id
    GROUP BY innovation_name, origin_region_code
)
SELECT a.award_id, a.year, a.award_name, a.giver, a.recipient_level, a.recipient_name, a.region_code,
       r.name AS region_name, r.level AS region_level, r.kabkota_code, k.name AS kabkota_name,
       CASE r.level WHEN 'kecamatan' THEN r.code WHEN 'desa' THEN r.parent_code END AS kecamatan_code,
       coalesce(r.kabkota_code IN (SELECT kabkota_code FROM kompak), false) AS kompak,
       a.innovation_name, i.innovation_id, coalesce(p.replications, 0) AS replications, p.replication_status,
       a.rank_category, a.event_date, a.event_date_text, a.source_url, a.source_publisher, a.note,
       a.source_id, s.status, s.title_id AS source_title_id, s.title_en AS source_title_en
FROM award a
JOIN data_source s ON s.source_id = a.source_id
LEFT JOIN region r ON r.code = a.region_code
LEFT JOIN region k ON k.code = r.kabkota_code
LEFT JOIN innovation i ON i.name = a.innovation_name AND i.region_code = a.region_code
LEFT JOIN reps p ON p.innovation_name = a.innovation_name AND p.origin_region_code = a.region_code
WHERE a.year BETWEEN $year_from AND $year_to
  AND ($award_names IS NULL OR list_contains($award_names, a.award_name))
  AND ($recipient_levels IS NULL OR list_contains($recipient_levels, a.recipient_level))
  AND ($kabkota_codes IS NULL OR list_contains($kabkota_codes, r.kabkota_code))
  AND ($kompak = 'all'
       OR ($kompak = 'kompak' AND r.kabkota_code IN (SELECT kabkota_code FROM kompak))
       OR ($kompak = 'non_kompak' AND r.kabkota_code IS NOT NULL AND r.kabkota_code NOT IN (SELECT kabkota_code FROM kompak)))
ORDER BY a.event_date DESC NULLS LAST, a.year DESC, a.award_id
