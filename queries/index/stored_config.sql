-- The index configuration (version and content hash) the stored index was computed with.
SELECT value FROM build_info WHERE key = 'cettar_index_config'
