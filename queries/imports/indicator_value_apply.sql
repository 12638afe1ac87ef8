-- Replace the published values of the staged keys by the staged rows (relation staged).
DELETE FROM indicator_value v USING staged n
WHERE n.region_code = v.region_code AND n.indicator_id = v.indicator_id AND n.period = v.period;

INSERT INTO indicator_value (region_code, indicator_id, period, value, source_id)
SELECT region_code, indicator_id, period, value, source_id FROM staged;
