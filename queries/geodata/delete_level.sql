-- An import replaces every boundary of its level. Params: $level.
DELETE FROM boundary WHERE level = $level
