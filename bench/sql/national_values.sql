-- Synthetic values for the national-scale benchmark, generated inside DuckDB (range() and
-- hash-based pseudo-random numbers, no pandas): deterministic, labelled demo, inside every
-- catalog range. Params:
--   $synthetic  how many synthetic desa indicators to add to the catalog (sintetis_01, ...)
--   $monthly    the desa indicators with monthly values (ids; catalog desa indicators + synthetic)
--   $months     the monthly periods ('2022-01', ...); $desa_years the yearly desa periods
--   $kec_years  the years of the kecamatan pillar indicators (as the demo: 2019-2024)
--   $derived    indicators the dashboard derives itself (index, service gaps): none generated
-- bench_u(a, b, c) is a uniform number in [0, 1) fixed by its arguments.
CREATE OR REPLACE TEMP MACRO bench_u(a, b, c) AS (hash(a, b, c) % 1000003) / 1000003.0;

INSERT INTO data_source (source_id, title_id, title_en, publisher, url, licence, retrieved, status, note)
VALUES ('bench_synthetic', 'Data sintetis benchmark skala nasional', 'Synthetic national-scale benchmark data',
        'bench/national.py', NULL, 'CC0-1.0', '2026', 'demo',
        'Generated in DuckDB for the national-scale benchmark; never official.');

INSERT INTO indicator
SELECT 'sintetis_' || lpad(CAST(i AS VARCHAR), 2, '0'), 'Indikator sintetis ' || i, 'Synthetic indicator ' || i,
       '%', 'higher_is_better', 'numeric', 'desa', 'mean', NULL, 0, 100, NULL, 1,
       'Indikator sintetis untuk benchmark skala nasional.', 'Synthetic indicator for the national-scale benchmark.'
FROM range(1, $synthetic + 1) t(i);

-- Kecamatan x pillar indicator x year, about 4 % missing (the shape of cettar/demo.py):
-- a kab/kota effect and a kecamatan effect per indicator, a yearly gain and noise.
INSERT INTO indicator_value
WITH kec AS (SELECT code, kabkota_code FROM region WHERE level = 'kecamatan'),
ind AS (
    SELECT indicator_id, min_value AS lo, max_value AS hi, decimals,
           CASE WHEN direction = 'higher_is_better' THEN 1 ELSE -1 END AS sign,
           CASE WHEN unit IN ('%', 'skor 0-100') THEN 0.62 ELSE 0.12 END AS centre,
           CASE WHEN unit IN ('%', 'skor 0-100') THEN 0.11 ELSE 0.05 END AS spread
    FROM indicator WHERE pillar IS NOT NULL AND native_level = 'kecamatan' AND NOT list_contains($derived, indicator_id)
),
yr AS (SELECT unnest($kec_years) AS period)
SELECT kec.code, ind.indicator_id, yr.period,
       round(least(greatest(ind.lo + (ind.hi - ind.lo) * (ind.centre + ind.sign * ind.spread * (
                 2.4 * (bench_u(kec.kabkota_code, ind.indicator_id, '') - 0.5)
               + 2.4 * (bench_u(kec.code, ind.indicator_id, '') - 0.5)
               + 0.12 * (CAST(yr.period AS INTEGER) - 2019)
               + 0.8 * (bench_u(kec.code, ind.indicator_id, yr.period) - 0.5))), ind.lo),
             CASE WHEN ind.hi = 100 THEN 99.5 ELSE ind.hi END), ind.decimals),
       'bench_synthetic'
FROM kec CROSS JOIN ind CROSS JOIN yr
WHERE bench_u(kec.code, ind.indicator_id, yr.period || '/missing') >= 0.04;

-- Desa x indicator x month: the bulk (83,762 x 20 x 36 = 60.3 M rows nationally), and the same
-- desa x indicator per year (the year's level without the month noise) for the year filter.
INSERT INTO indicator_value
WITH desa AS (SELECT code, kabkota_code FROM region WHERE level = 'desa'),
ind AS (
    SELECT indicator_id, min_value AS lo, max_value AS hi, decimals,
           CASE WHEN max_value > 100 THEN 0.01 ELSE 1 END AS scale
    FROM indicator WHERE list_contains($monthly, indicator_id)
),
periods AS (
    SELECT period, (CAST(left(period, 4) AS INTEGER) - 2022) * 12 + CAST(right(period, 2) AS INTEGER) AS t, 1.0 AS noise
    FROM (SELECT unnest($months) AS period)
    UNION ALL
    SELECT period, (CAST(period AS INTEGER) - 2022) * 12 + 6.5, 0.0
    FROM (SELECT unnest($desa_years) AS period)
)
SELECT desa.code, ind.indicator_id, periods.period,
       round(ind.lo + (ind.hi - ind.lo) * ind.scale * least(greatest(
             0.30 + 0.30 * bench_u(desa.kabkota_code, ind.indicator_id, '')
                  + 0.20 * bench_u(desa.code, ind.indicator_id, '')
                  + 0.10 * periods.t / 36
                  + periods.noise * 0.10 * (bench_u(desa.code, ind.indicator_id, periods.period) - 0.5), 0), 1), ind.decimals),
       'bench_synthetic'
FROM desa CROSS JOIN ind CROSS JOIN periods;
