-- Boundaries of one level for maps and exports: code, official name, WKB geometry in
-- EPSG:4326 (the display version when $display, else the full one). Params: $level, $display.
SELECT b.code,
       r.name,
       CASE WHEN $display THEN b.geometry_display ELSE b.geometry_full END AS geometry,
       b.source_id
FROM boundary b
LEFT JOIN region r ON r.code = b.code AND r.level = b.level
WHERE b.level = $level
ORDER BY b.code
