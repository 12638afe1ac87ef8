-- New boundaries of one level from the registered frame new_boundary(code, geometry_full,
-- geometry_display). Params: $level, $source_id.
INSERT INTO boundary (level, code, geometry_full, geometry_display, source_id)
SELECT $level, code, geometry_full, geometry_display, $source_id
FROM new_boundary
ORDER BY code
