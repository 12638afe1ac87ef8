-- Replications: unique key, the innovation exists in the registry, the adopting region exists
-- (kab/kota, kecamatan or desa) and differs from the origin, a sane year (not before the
-- innovation started, when that is known), a known source; an import of replications never
-- names a missing source or the generated demo source.
SELECT 'replication' AS table_name,
       innovation_name || ' / ' || origin_region_code || ' -> ' || adopting_region_code AS row_key,
       'duplicate replication of this innovation in this region' AS problem
FROM replication GROUP BY innovation_name, origin_region_code, adopting_region_code HAVING count(*) > 1
UNION ALL
SELECT 'replication', p.innovation_name || ' / ' || p.origin_region_code || ' -> ' || p.adopting_region_code,
       'innovation ' || p.innovation_name || ' of region ' || p.origin_region_code || ' is not in the innovation registry'
FROM replication p ANTI JOIN innovation i ON i.name = p.innovation_name AND i.region_code = p.origin_region_code
UNION ALL
SELECT 'replication', p.innovation_name || ' / ' || p.origin_region_code || ' -> ' || p.adopting_region_code,
       'adopting region ' || p.adopting_region_code || ' is not a kab/kota, kecamatan or desa'
FROM replication p ANTI JOIN (SELECT code FROM region WHERE level IN ('kabkota', 'kecamatan', 'desa')) r ON r.code = p.adopting_region_code
UNION ALL
SELECT 'replication', innovation_name || ' / ' || origin_region_code || ' -> ' || adopting_region_code,
       'an innovation cannot be replicated in the region where it started'
FROM replication WHERE adopting_region_code = origin_region_code
UNION ALL
SELECT 'replication', p.innovation_name || ' / ' || p.origin_region_code || ' -> ' || p.adopting_region_code,
       'implausible year ' || CAST(p.year AS VARCHAR)
FROM replication p
LEFT JOIN innovation i ON i.name = p.innovation_name AND i.region_code = p.origin_region_code
WHERE p.year NOT BETWEEN 1990 AND 2100 OR p.year < i.start_year
UNION ALL
SELECT 'replication', p.innovation_name || ' / ' || p.origin_region_code || ' -> ' || p.adopting_region_code,
       'source ' || p.source_id || ' is not a data source'
FROM replication p ANTI JOIN data_source s ON s.source_id = p.source_id
UNION ALL
SELECT 'import_log', CAST(l.import_id AS VARCHAR),
       'import of replications names source ' || l.source_id || ', which is missing or the demo source'
FROM import_log l LEFT JOIN data_source s ON s.source_id = l.source_id
WHERE l.kind = 'replications' AND (s.source_id IS NULL OR l.source_id = 'demo')
