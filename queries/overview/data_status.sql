-- Rows per table and data status (official / compiled / demo), with the sources behind them.
WITH rows_by_source AS (
    SELECT 'region' AS table_name, source_id, count(*) AS n FROM region GROUP BY source_id
    UNION ALL SELECT 'indicator_value', source_id, count(*) FROM indicator_value GROUP BY source_id
    UNION ALL SELECT 'ppkm_level', source_id, count(*) FROM ppkm_level GROUP BY source_id
    UNION ALL SELECT 'risk_zone', source_id, count(*) FROM risk_zone GROUP BY source_id
    UNION ALL SELECT 'award', source_id, count(*) FROM award GROUP BY source_id
    UNION ALL SELECT 'innovation', source_id, count(*) FROM innovation GROUP BY source_id
    UNION ALL SELECT 'program_membership', source_id, count(*) FROM program_membership GROUP BY source_id
    UNION ALL SELECT 'kompak_fact', source_id, count(*) FROM kompak_fact GROUP BY source_id
    UNION ALL SELECT 'coordination_record', source_id, count(*) FROM coordination_record GROUP BY source_id
    UNION ALL SELECT 'boundary', source_id, count(*) FROM boundary GROUP BY source_id
    UNION ALL SELECT 'covid_case', source_id, count(*) FROM covid_case GROUP BY source_id
    UNION ALL SELECT 'replication', source_id, count(*) FROM replication GROUP BY source_id
    UNION ALL SELECT 'delegated_authority', source_id, count(*) FROM delegated_authority GROUP BY source_id
    UNION ALL SELECT 'paten_status', source_id, count(*) FROM paten_status GROUP BY source_id
    UNION ALL SELECT 'training_event', source_id, count(*) FROM training_event GROUP BY source_id
    UNION ALL SELECT 'training_participation', source_id, count(*) FROM training_participation GROUP BY source_id
)
SELECT r.table_name, s.status, sum(r.n) AS n, string_agg(DISTINCT s.source_id, ', ' ORDER BY s.source_id) AS sources
FROM rows_by_source r JOIN data_source s USING (source_id)
GROUP BY r.table_name, s.status
ORDER BY r.table_name, s.status
