-- Region codes for the lookup sheet of import templates: code, name, level, type, kab/kota name.
SELECT r.code, r.name, r.level, r.type, k.name AS kabkota
FROM region r LEFT JOIN region k ON k.code = r.kabkota_code
ORDER BY r.code;
