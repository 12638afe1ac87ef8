-- Shipped reference tables: data sources and the indicator catalog. Params: $sources, $indicators.
INSERT INTO data_source
SELECT * FROM read_csv($sources, header = true, all_varchar = true);

INSERT INTO indicator
SELECT indicator_id, name_id, name_en, unit, direction, value_type, native_level, aggregation,
       pillar, TRY_CAST(min_value AS DOUBLE), TRY_CAST(max_value AS DOUBLE), thresholds,
       CAST(decimals AS INTEGER), description_id, description_en
FROM read_csv($indicators, header = true, all_varchar = true);
