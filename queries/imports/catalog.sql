-- The indicator catalog, for checking indicator ids, levels and ranges.
SELECT indicator_id, name_id, native_level, value_type, min_value, max_value, thresholds FROM indicator;
