-- boundary: one row per level and code; a known level; the code is an official region of that
-- level; both geometries present (WKB longer than an empty geometry); the source exists.
SELECT 'boundary' AS table_name, level || ' / ' || code AS row_key,
       'duplicate boundary (' || count(*) || ' rows)' AS problem
FROM boundary GROUP BY level, code HAVING count(*) > 1
UNION ALL
SELECT 'boundary', coalesce(level, '(null)') || ' / ' || coalesce(code, '(null)'),
       'level must be kabkota, kecamatan or desa'
FROM boundary WHERE level IS NULL OR level NOT IN ('kabkota', 'kecamatan', 'desa')
UNION ALL
SELECT 'boundary', b.level || ' / ' || b.code, 'not a ' || b.level || ' code in region'
FROM boundary b ANTI JOIN region r ON r.code = b.code AND r.level = b.level
WHERE b.level IN ('kabkota', 'kecamatan', 'desa')
UNION ALL
SELECT 'boundary', level || ' / ' || code, 'missing or empty geometry'
FROM boundary
WHERE geometry_full IS NULL OR geometry_display IS NULL
   OR octet_length(geometry_full) <= 9 OR octet_length(geometry_display) <= 9
UNION ALL
SELECT 'boundary', b.level || ' / ' || b.code, 'source ' || b.source_id || ' is not a data source'
FROM boundary b ANTI JOIN data_source s ON s.source_id = b.source_id
