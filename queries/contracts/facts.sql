-- Fact tables: unique keys, regions that exist at the right level, ranges, a source for every row.
SELECT 'ppkm_level' AS table_name, inmendagri || ' / ' || kabkota_code AS row_key,
       'duplicate level for this Inmendagri and kab/kota' AS problem
FROM ppkm_level GROUP BY inmendagri, kabkota_code HAVING count(*) > 1
UNION ALL
SELECT 'ppkm_level', p.inmendagri || ' / ' || p.kabkota_code, 'not a kab/kota code'
FROM ppkm_level p ANTI JOIN (SELECT code FROM region WHERE level = 'kabkota') r ON r.code = p.kabkota_code
UNION ALL
SELECT 'ppkm_level', inmendagri || ' / ' || kabkota_code, 'level must be 1-4, dates ordered, evidence and source given'
FROM ppkm_level
WHERE level NOT BETWEEN 1 AND 4 OR valid_to < valid_from OR evidence IS NULL OR source_url IS NULL
UNION ALL
SELECT 'risk_zone', CAST(week_date AS VARCHAR) || ' / ' || kabkota_code, 'duplicate zone for this week and kab/kota'
FROM risk_zone GROUP BY week_date, kabkota_code HAVING count(*) > 1
UNION ALL
SELECT 'risk_zone', CAST(z.week_date AS VARCHAR) || ' / ' || z.kabkota_code, 'not a kab/kota code'
FROM risk_zone z ANTI JOIN (SELECT code FROM region WHERE level = 'kabkota') r ON r.code = z.kabkota_code
UNION ALL
SELECT 'risk_zone', CAST(week_date AS VARCHAR) || ' / ' || kabkota_code, 'unknown zone ' || zone
FROM risk_zone WHERE zone NOT IN ('tidak_ada_kasus', 'rendah', 'sedang', 'tinggi')
UNION ALL
SELECT 'award', CAST(award_id AS VARCHAR), 'duplicate award_id'
FROM award GROUP BY award_id HAVING count(*) > 1
UNION ALL
SELECT 'award', CAST(a.award_id AS VARCHAR), 'region ' || a.region_code || ' does not exist'
FROM award a ANTI JOIN region r ON r.code = a.region_code WHERE a.region_code IS NOT NULL
UNION ALL
SELECT 'award', CAST(award_id AS VARCHAR), 'missing source_url or implausible year'
FROM award WHERE source_url IS NULL OR trim(source_url) = '' OR year NOT BETWEEN 2000 AND 2100
UNION ALL
SELECT 'innovation', CAST(innovation_id AS VARCHAR), 'duplicate innovation_id'
FROM innovation GROUP BY innovation_id HAVING count(*) > 1
UNION ALL
SELECT 'innovation', CAST(i.innovation_id AS VARCHAR), 'region ' || i.region_code || ' does not exist'
FROM innovation i ANTI JOIN region r ON r.code = i.region_code
UNION ALL
SELECT 'program_membership', program || ' / ' || kabkota_code, 'duplicate membership'
FROM program_membership GROUP BY program, kabkota_code HAVING count(*) > 1
UNION ALL
SELECT 'program_membership', m.program || ' / ' || m.kabkota_code, 'not a kab/kota code'
FROM program_membership m ANTI JOIN (SELECT code FROM region WHERE level = 'kabkota') r ON r.code = m.kabkota_code
UNION ALL
SELECT 'coordination_record', CAST(record_id AS VARCHAR), 'duplicate record_id'
FROM coordination_record GROUP BY record_id HAVING count(*) > 1
UNION ALL
SELECT 'coordination_record', CAST(c.record_id AS VARCHAR), 'not a kecamatan code: ' || c.kecamatan_code
FROM coordination_record c ANTI JOIN (SELECT code FROM region WHERE level = 'kecamatan') r ON r.code = c.kecamatan_code
UNION ALL
SELECT 'kompak_fact', CAST(f.fact_id AS VARCHAR), 'region ' || f.region_code || ' does not exist'
FROM kompak_fact f ANTI JOIN region r ON r.code = f.region_code
UNION ALL
SELECT t.table_name, t.row_key, 'source ' || t.source_id || ' is not a data source'
FROM (SELECT 'region' AS table_name, code AS row_key, source_id FROM region
      UNION ALL SELECT 'ppkm_level', inmendagri || ' / ' || kabkota_code, source_id FROM ppkm_level
      UNION ALL SELECT 'risk_zone', CAST(week_date AS VARCHAR) || ' / ' || kabkota_code, source_id FROM risk_zone
      UNION ALL SELECT 'award', CAST(award_id AS VARCHAR), source_id FROM award
      UNION ALL SELECT 'innovation', CAST(innovation_id AS VARCHAR), source_id FROM innovation
      UNION ALL SELECT 'program_membership', program || ' / ' || kabkota_code, source_id FROM program_membership
      UNION ALL SELECT 'coordination_record', CAST(record_id AS VARCHAR), source_id FROM coordination_record
      UNION ALL SELECT 'kompak_fact', CAST(fact_id AS VARCHAR), source_id FROM kompak_fact) t
ANTI JOIN data_source s ON s.source_id = t.source_id
