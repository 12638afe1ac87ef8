-- Tables filled by imports, and the import audit log: unique keys, regions at the right level,
-- sane counts, a known source; imported rows never hang on the generated demo source.
SELECT 'covid_case' AS table_name, CAST(case_date AS VARCHAR) || ' / ' || region_code AS row_key,
       'duplicate figures for this date and region' AS problem
FROM covid_case GROUP BY case_date, region_code HAVING count(*) > 1
UNION ALL
SELECT 'covid_case', CAST(c.case_date AS VARCHAR) || ' / ' || c.region_code, 'not a provinsi or kab/kota code'
FROM covid_case c ANTI JOIN (SELECT code FROM region WHERE level IN ('provinsi', 'kabkota')) r ON r.code = c.region_code
UNION ALL
SELECT 'covid_case', CAST(case_date AS VARCHAR) || ' / ' || region_code, 'negative daily or cumulative count'
FROM covid_case
WHERE new_cases < 0 OR new_deaths < 0 OR new_recovered < 0
   OR total_cases < 0 OR total_recovered < 0 OR total_deaths < 0
UNION ALL
SELECT 'covid_case', CAST(c.case_date AS VARCHAR) || ' / ' || c.region_code, 'source ' || c.source_id || ' is not a data source'
FROM covid_case c ANTI JOIN data_source s ON s.source_id = c.source_id
UNION ALL
SELECT 'import_log', CAST(import_id AS VARCHAR), 'duplicate import_id'
FROM import_log GROUP BY import_id HAVING count(*) > 1
UNION ALL
SELECT 'import_log', CAST(l.import_id AS VARCHAR), 'import of ' || l.kind || ' names source ' || l.source_id || ', which is missing or the demo source'
FROM import_log l LEFT JOIN data_source s ON s.source_id = l.source_id
WHERE l.kind IN ('indicators', 'idm', 'awards', 'innovations', 'coordination', 'ppkm', 'risk-zones', 'covid-cases')
  AND (s.source_id IS NULL OR l.source_id = 'demo')
UNION ALL
SELECT 'import_log', CAST(import_id AS VARCHAR), 'negative row counts'
FROM import_log WHERE rows_added < 0 OR rows_replaced < 0
