-- Written by cettar.derive.refresh. The catalog rows and sources of the stored index, taken from
-- the shipped CSVs when a database built by an older version lacks them (so that an import into
-- such a database still passes its contracts). Params: $indicators, $sources (paths), $ids, $source_ids.
INSERT INTO indicator
SELECT indicator_id, name_id, name_en, unit, direction, value_type, native_level, aggregation,
       pillar, TRY_CAST(min_value AS DOUBLE), TRY_CAST(max_value AS DOUBLE), thresholds,
       CAST(decimals AS INTEGER), description_id, description_en
FROM read_csv($indicators, header = true, all_varchar = true)
WHERE list_contains($ids, indicator_id)
  AND indicator_id NOT IN (SELECT indicator_id FROM indicator);

INSERT INTO data_source
SELECT * FROM read_csv($sources, header = true, all_varchar = true)
WHERE list_contains($source_ids, source_id)
  AND source_id NOT IN (SELECT source_id FROM data_source);
