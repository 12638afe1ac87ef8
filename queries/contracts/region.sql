-- region: unique code; known level/type; parent exists one level up; code extends the parent's
-- code; exactly 1 / 38 / 666 / 8,494 regions under province 35.
SELECT 'region' AS table_name, code AS row_key, 'duplicate code (' || count(*) || ' rows)' AS problem
FROM region GROUP BY code HAVING count(*) > 1
UNION ALL
SELECT 'region', coalesce(code, '(null)'), 'missing code, name, level or type'
FROM region WHERE code IS NULL OR name IS NULL OR trim(name) = '' OR level IS NULL OR type IS NULL
UNION ALL
SELECT 'region', code, 'unknown level/type: ' || level || '/' || type
FROM region
WHERE NOT ((level = 'provinsi'  AND type = 'provinsi')
        OR (level = 'kabkota'   AND type IN ('kabupaten', 'kota'))
        OR (level = 'kecamatan' AND type = 'kecamatan')
        OR (level = 'desa'      AND type IN ('desa', 'kelurahan')))
UNION ALL
SELECT 'region', r.code, 'parent ' || coalesce(r.parent_code, '(null)') || ' is not a region one level up'
FROM region r LEFT JOIN region p ON p.code = r.parent_code
WHERE r.level <> 'provinsi'
  AND (p.code IS NULL
       OR p.level <> CASE r.level WHEN 'kabkota' THEN 'provinsi' WHEN 'kecamatan' THEN 'kabkota' ELSE 'kecamatan' END
       OR NOT starts_with(r.code, p.code || '.'))
UNION ALL
SELECT 'region', code, 'code does not match its level pattern'
FROM region
WHERE NOT regexp_full_match(code, CASE level WHEN 'provinsi' THEN '\d{2}' WHEN 'kabkota' THEN '\d{2}\.\d{2}'
                                             WHEN 'kecamatan' THEN '\d{2}\.\d{2}\.\d{2}' ELSE '\d{2}\.\d{2}\.\d{2}\.\d{4}' END)
UNION ALL
SELECT 'region', '(level ' || want.level || ')', 'expected ' || want.n || ' regions, found ' || coalesce(got.n, 0)
FROM (VALUES ('provinsi', 1), ('kabkota', 38), ('kecamatan', 666), ('desa', 8494)) AS want(level, n)
LEFT JOIN (SELECT level, count(DISTINCT code) AS n FROM region GROUP BY level) got USING (level)
WHERE coalesce(got.n, 0) <> want.n
