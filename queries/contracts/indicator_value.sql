-- indicator_value: unique (region, indicator, period); parents exist; region at the
-- indicator's level or above; valid period; value inside the catalog range.
SELECT 'indicator_value' AS table_name,
       region_code || ' / ' || indicator_id || ' / ' || period AS row_key,
       'duplicate value (' || count(*) || ' rows)' AS problem
FROM indicator_value GROUP BY region_code, indicator_id, period HAVING count(*) > 1
UNION ALL
SELECT 'indicator_value', v.region_code || ' / ' || v.indicator_id || ' / ' || v.period,
       'region ' || v.region_code || ' does not exist'
FROM indicator_value v ANTI JOIN region r ON r.code = v.region_code
UNION ALL
SELECT 'indicator_value', v.region_code || ' / ' || v.indicator_id || ' / ' || v.period,
       'indicator ' || v.indicator_id || ' is not in the catalog'
FROM indicator_value v ANTI JOIN indicator i ON i.indicator_id = v.indicator_id
UNION ALL
SELECT 'indicator_value', v.region_code || ' / ' || v.indicator_id || ' / ' || v.period,
       'source ' || v.source_id || ' is not a data source'
FROM indicator_value v ANTI JOIN data_source s ON s.source_id = v.source_id
UNION ALL
SELECT 'indicator_value', region_code || ' / ' || indicator_id || ' / ' || period,
       'period must be YYYY or YYYY-MM'
FROM indicator_value WHERE NOT regexp_full_match(period, '(19|20)\d{2}(-(0[1-9]|1[0-2]))?')
UNION ALL
SELECT 'indicator_value', v.region_code || ' / ' || v.indicator_id || ' / ' || v.period,
       'value ' || v.value || ' outside ' || i.min_value || '..' || i.max_value
FROM indicator_value v JOIN indicator i USING (indicator_id)
WHERE v.value < i.min_value OR v.value > i.max_value OR isnan(v.value) OR isinf(v.value)
