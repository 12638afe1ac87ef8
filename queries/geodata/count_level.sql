-- Number of boundaries stored at one level. Params: $level.
SELECT count(*) AS n FROM boundary WHERE level = $level
