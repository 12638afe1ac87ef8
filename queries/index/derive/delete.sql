-- Written by cettar.derive.refresh: remove the index rows of an earlier refresh (its own sources
-- only) and the configuration it recorded. Params: $source_ids.
DELETE FROM indicator_value WHERE list_contains($source_ids, source_id);

DELETE FROM build_info WHERE key = 'cettar_index_config';
