-- The first import of the same file as the same kind. Params: $kind, $sha.
SELECT import_id, imported_at, imported_by FROM import_log
WHERE kind = $kind AND sha256 = $sha ORDER BY import_id LIMIT 1;
