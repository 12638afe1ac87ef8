-- The 38 kab/kota for the shared area filter.
SELECT code, name, type
FROM region
WHERE level = 'kabkota'
ORDER BY code
