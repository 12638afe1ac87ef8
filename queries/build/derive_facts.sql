-- Tables derived from the compiled facts.

-- KOMPAK membership: the kabupaten the KOMPAK facts name as assisted districts ("lokasi
-- dampingan", support since 2016; the program ended in 2022).
INSERT INTO program_membership
SELECT 'KOMPAK', region_code, 2016, 2022, source_url, source_id
FROM kompak_fact
WHERE topic = 'KOMPAK lokasi dampingan' AND length(region_code) = 5;

-- Innovations named in award facts, one per name and region.
INSERT INTO innovation
SELECT row_number() OVER (ORDER BY min(year), region_code, innovation_name),
       innovation_name, region_code, NULL, NULL, NULL, NULL, 'awards_compiled'
FROM award
WHERE innovation_name IS NOT NULL AND region_code IS NOT NULL
GROUP BY innovation_name, region_code;
