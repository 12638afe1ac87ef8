-- The boundary import now in effect at one level (the latest). Params: $level.
SELECT import_id, imported_at, file_name, sha256, options
FROM import_log
WHERE kind = 'boundaries' AND json_extract_string(options, '$.level') = $level
ORDER BY import_id DESC
LIMIT 1
