-- The latest Inmendagri with a recorded level, in the chosen area ($scope or NULL):
-- one row per level with the kab/kota count and the kinds of evidence behind it.
WITH ordered AS (
    SELECT inmendagri,
           CAST(split_part(inmendagri, '/', 2) AS INTEGER) AS year,
           CAST(split_part(inmendagri, '/', 1) AS INTEGER) AS number
    FROM ppkm_level
    WHERE $scope IS NULL OR kabkota_code = $scope
),
latest AS (
    SELECT inmendagri FROM ordered ORDER BY year DESC, number DESC LIMIT 1
)
SELECT p.inmendagri,
       min(p.valid_from) AS valid_from,
       max(p.valid_to) AS valid_to,
       p.level,
       count(*) AS kabkota,
       string_agg(DISTINCT p.evidence, ', ' ORDER BY p.evidence) AS evidence,
       string_agg(DISTINCT p.source_url, ' ; ' ORDER BY p.source_url) AS sources
FROM ppkm_level p JOIN latest USING (inmendagri)
WHERE $scope IS NULL OR p.kabkota_code = $scope
GROUP BY p.inmendagri, p.level
ORDER BY p.level
