-- Awards of one region ($code) and of the regions inside it, and of its kab/kota ($kabkota) for
-- context; `whose` says which: 'region' or 'kabkota'.
SELECT CASE WHEN a.region_code = $code OR starts_with(a.region_code, $code || '.') THEN 'region' ELSE 'kabkota' END AS whose,
       a.year, a.award_name, a.giver, a.recipient_name, a.recipient_level, a.innovation_name,
       a.rank_category, a.event_date, a.source_url, s.status
FROM award a
JOIN data_source s ON s.source_id = a.source_id
WHERE a.region_code = $code
   OR starts_with(a.region_code, $code || '.')
   OR a.region_code = $kabkota
ORDER BY whose DESC, a.year DESC, a.award_id
