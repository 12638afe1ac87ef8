-- Full geometry (WKB) of the boundaries at one level; used to find the parent of a feature
-- that carries no parent code or name. Params: $level.
SELECT code, geometry_full
FROM boundary
WHERE level = $level
ORDER BY code
