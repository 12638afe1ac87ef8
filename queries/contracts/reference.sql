-- data_source and indicator: unique keys, allowed values, sane ranges.
SELECT 'data_source' AS table_name, source_id AS row_key, 'duplicate source_id' AS problem
FROM data_source GROUP BY source_id HAVING count(*) > 1
UNION ALL
SELECT 'data_source', source_id, 'status must be official, compiled or demo, not ' || coalesce(status, '(null)')
FROM data_source WHERE status IS NULL OR status NOT IN ('official', 'compiled', 'demo')
UNION ALL
SELECT 'data_source', source_id, 'missing publisher or licence'
FROM data_source WHERE publisher IS NULL OR licence IS NULL
UNION ALL
SELECT 'indicator', indicator_id, 'duplicate indicator_id'
FROM indicator GROUP BY indicator_id HAVING count(*) > 1
UNION ALL
SELECT 'indicator', indicator_id, 'bad direction, value_type, level, aggregation or pillar'
FROM indicator
WHERE direction NOT IN ('higher_is_better', 'lower_is_better')
   OR value_type NOT IN ('numeric', 'status')
   OR native_level NOT IN ('provinsi', 'kabkota', 'kecamatan', 'desa')
   OR aggregation NOT IN ('mean', 'sum', 'max', 'none')
   OR (pillar IS NOT NULL AND pillar NOT IN ('cepat', 'efektif_efisien', 'tanggap', 'transparan', 'responsif'))
UNION ALL
SELECT 'indicator', indicator_id, 'min_value above max_value'
FROM indicator WHERE min_value > max_value
UNION ALL
SELECT 'indicator', indicator_id, 'status indicator without thresholds'
FROM indicator WHERE value_type = 'status' AND (thresholds IS NULL OR thresholds = '')
