-- The sources of one indicator's yearly values ($indicator), for the KOMPAK slide's notes.
-- Grain: one row per source.
SELECT v.source_id, count(*) AS n
FROM indicator_value v
WHERE v.indicator_id = $indicator AND length(v.period) = 4
GROUP BY v.source_id
ORDER BY v.source_id
