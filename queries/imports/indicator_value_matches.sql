-- Published values that the staged rows will replace (same region, indicator, period), and
-- how many of those were demo values.
SELECT count(*) AS replaced,
       count(*) FILTER (WHERE s.status = 'demo') AS replaced_demo
FROM indicator_value v
SEMI JOIN staged n ON n.region_code = v.region_code AND n.indicator_id = v.indicator_id AND n.period = v.period
LEFT JOIN data_source s ON s.source_id = v.source_id;
