-- Awards per year whose recipient lies in the chosen area ($scope or NULL for all).
SELECT year, count(*) AS awards
FROM award
WHERE $scope IS NULL OR starts_with(region_code, $scope)
GROUP BY year
ORDER BY year
