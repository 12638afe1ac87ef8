-- How many boundaries are stored per level (the map draws real shapes for a level only when
-- its boundaries were imported; otherwise the schematic tile map).
SELECT lv.level, count(b.code) AS boundaries
FROM (VALUES ('kabkota'), ('kecamatan'), ('desa')) lv(level)
LEFT JOIN boundary b ON b.level = lv.level
GROUP BY lv.level
ORDER BY lv.level
