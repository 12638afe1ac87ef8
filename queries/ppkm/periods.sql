-- Inmendagri instructions in the order they were issued (number within year), with their
-- validity (NULL where unknown) and how many kab/kota have a recorded level.
SELECT inmendagri,
       CAST(split_part(inmendagri, '/', 2) AS INTEGER) AS year,
       CAST(split_part(inmendagri, '/', 1) AS INTEGER) AS number,
       min(valid_from) AS valid_from,
       max(valid_to) AS valid_to,
       count(*) AS kabkota_known
FROM ppkm_level
GROUP BY inmendagri
ORDER BY year, number
