-- Boundary levels present, with the number of official units each could cover and its sources.
SELECT r.level,
       count(DISTINCT b.code) AS boundaries,
       count(DISTINCT r.code) AS official_units,
       coalesce(string_agg(DISTINCT b.source_id, ', ' ORDER BY b.source_id), '') AS sources
FROM region r
LEFT JOIN boundary b ON b.code = r.code AND b.level = r.level
WHERE r.level IN ('kabkota', 'kecamatan', 'desa')
GROUP BY r.level
ORDER BY CASE r.level WHEN 'kabkota' THEN 1 WHEN 'kecamatan' THEN 2 ELSE 3 END
