-- The innovation registry for the replications template's drop-down: name and origin region
-- code (placeholders of the compiled facts, names in parentheses, left out).
SELECT name, region_code FROM innovation WHERE NOT starts_with(name, '(') ORDER BY name, region_code
