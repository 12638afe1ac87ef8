-- Staged replications that the published tables refuse: the innovation (name + origin region)
-- is not in the registry, or the year precedes the innovation's start. (row_number, column, problem)
SELECT s.row_number, 'innovation_name' AS column_name,
       'inovasi ' || s.innovation_name || ' dari wilayah ' || s.origin_region_code || ' tidak ada di registri inovasi; '
       || 'periksa ejaan dan kode asal, atau impor dulu dengan cettar import innovations (innovation not in the registry)' AS problem
FROM staged s ANTI JOIN innovation i ON i.name = s.innovation_name AND i.region_code = s.origin_region_code
UNION ALL
SELECT s.row_number, 'year',
       'tahun replikasi sebelum inovasi dimulai (' || CAST(i.start_year AS VARCHAR) || ') (year before the innovation started)'
FROM staged s JOIN innovation i ON i.name = s.innovation_name AND i.region_code = s.origin_region_code
WHERE s.year < i.start_year
ORDER BY 1, 2
