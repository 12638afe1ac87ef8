-- Written by cettar.derive.refresh: the index and pillar scores computed by cettar.index,
-- registered as the relation derived_index, and the configuration they were computed with.
-- Params: $config.
INSERT INTO indicator_value (region_code, indicator_id, period, value, source_id)
SELECT region_code, indicator_id, period, value, source_id FROM derived_index;

INSERT INTO build_info VALUES ('cettar_index_config', $config);
