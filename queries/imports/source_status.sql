-- Whether a data source exists (and its status). Params: $source_id.
SELECT status FROM data_source WHERE source_id = $source_id;
