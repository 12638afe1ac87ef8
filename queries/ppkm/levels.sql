-- Every kab/kota x Inmendagri cell: the level where one is recorded, NULL (unknown) where not.
-- Unknown cells are never filled in from neighbouring periods.
WITH periods AS (
    SELECT DISTINCT inmendagri,
           CAST(split_part(inmendagri, '/', 2) AS INTEGER) AS year,
           CAST(split_part(inmendagri, '/', 1) AS INTEGER) AS number
    FROM ppkm_level
)
SELECT r.code AS kabkota_code, r.name, p.inmendagri, p.year, p.number,
       l.level, l.evidence, l.valid_from, l.valid_to, l.source_url, l.source_publisher, l.note
FROM region r
CROSS JOIN periods p
LEFT JOIN ppkm_level l ON l.kabkota_code = r.code AND l.inmendagri = p.inmendagri
WHERE r.level = 'kabkota'
ORDER BY r.code, p.year, p.number
