-- The kab/kota of East Java at a glance: type, kecamatan and desa/kelurahan counts, KOMPAK
-- membership with its years, and the awards whose recipient lies in the kab/kota.
-- Grain: one row per kab/kota.
WITH kecamatan AS (
    SELECT kabkota_code, count(*) AS n FROM region WHERE level = 'kecamatan' GROUP BY kabkota_code
),
desa AS (
    SELECT kabkota_code, count(*) AS n FROM region WHERE level = 'desa' GROUP BY kabkota_code
),
awards AS (
    SELECT r.kabkota_code, count(*) AS n
    FROM award a JOIN region r ON r.code = a.region_code
    WHERE r.kabkota_code IS NOT NULL
    GROUP BY r.kabkota_code
)
SELECT k.code, k.name, k.type,
       coalesce(kc.n, 0) AS kecamatan,
       coalesce(d.n, 0) AS desa,
       m.kabkota_code IS NOT NULL AS kompak,
       m.start_year, m.end_year,
       coalesce(a.n, 0) AS awards
FROM region k
LEFT JOIN kecamatan kc ON kc.kabkota_code = k.code
LEFT JOIN desa d ON d.kabkota_code = k.code
LEFT JOIN program_membership m ON m.kabkota_code = k.code AND m.program = 'KOMPAK'
LEFT JOIN awards a ON a.kabkota_code = k.code
WHERE k.level = 'kabkota' AND k.code LIKE '35.%'
ORDER BY k.code
