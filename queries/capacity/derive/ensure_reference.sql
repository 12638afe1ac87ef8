-- Written by cettar.capacity.refresh_service_gaps. The catalog rows of the service indicators
-- (from the shipped CSV) and the sources of the derived gaps (the relation capacity_sources),
-- added only where a database built by an older version lacks them. Params: $indicators (path), $ids.
INSERT INTO indicator
SELECT indicator_id, name_id, name_en, unit, direction, value_type, native_level, aggregation,
       pillar, TRY_CAST(min_value AS DOUBLE), TRY_CAST(max_value AS DOUBLE), thresholds,
       CAST(decimals AS INTEGER), description_id, description_en
FROM read_csv($indicators, header = true, all_varchar = true)
WHERE list_contains($ids, indicator_id)
  AND indicator_id NOT IN (SELECT indicator_id FROM indicator);

INSERT INTO data_source (source_id, title_id, title_en, publisher, url, licence, retrieved, status, note)
SELECT source_id, title_id, title_en, publisher, url, licence, retrieved, status, note
FROM capacity_sources
WHERE source_id NOT IN (SELECT source_id FROM data_source);
