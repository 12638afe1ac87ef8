-- Every published table: rows, the period it covers and the status of its sources
-- (indicator_value's figures come from its summary, indicator_coverage).
WITH t AS (
    SELECT 'region' AS table_name, count(*) AS n, NULL AS first_period, NULL AS last_period,
           (SELECT string_agg(DISTINCT source_id, ', ' ORDER BY source_id) FROM region) AS sources FROM region
    UNION ALL SELECT 'data_source', count(*), NULL, NULL, NULL FROM data_source
    UNION ALL SELECT 'indicator', count(*), NULL, NULL, NULL FROM indicator
    UNION ALL SELECT 'indicator_value', CAST(coalesce(sum(n_values), 0) AS BIGINT), min(period), max(period),
           string_agg(DISTINCT source_id, ', ' ORDER BY source_id) FROM indicator_coverage  -- its summary, not 60 M rows
    UNION ALL SELECT 'program_membership', count(*), CAST(min(start_year) AS VARCHAR), CAST(max(end_year) AS VARCHAR),
           (SELECT string_agg(DISTINCT source_id, ', ' ORDER BY source_id) FROM program_membership) FROM program_membership
    UNION ALL SELECT 'award', count(*), CAST(min(year) AS VARCHAR), CAST(max(year) AS VARCHAR),
           (SELECT string_agg(DISTINCT source_id, ', ' ORDER BY source_id) FROM award) FROM award
    UNION ALL SELECT 'innovation', count(*), NULL, NULL,
           (SELECT string_agg(DISTINCT source_id, ', ' ORDER BY source_id) FROM innovation) FROM innovation
    UNION ALL SELECT 'ppkm_level', count(*), CAST(min(valid_from) AS VARCHAR), CAST(max(valid_to) AS VARCHAR),
           (SELECT string_agg(DISTINCT source_id, ', ' ORDER BY source_id) FROM ppkm_level) FROM ppkm_level
    UNION ALL SELECT 'risk_zone', count(*), CAST(min(week_date) AS VARCHAR), CAST(max(week_date) AS VARCHAR),
           (SELECT string_agg(DISTINCT source_id, ', ' ORDER BY source_id) FROM risk_zone) FROM risk_zone
    UNION ALL SELECT 'coordination_record', count(*), CAST(min(activity_date) AS VARCHAR), CAST(max(activity_date) AS VARCHAR),
           (SELECT string_agg(DISTINCT source_id, ', ' ORDER BY source_id) FROM coordination_record) FROM coordination_record
    UNION ALL SELECT 'kompak_fact', count(*), NULL, NULL,
           (SELECT string_agg(DISTINCT source_id, ', ' ORDER BY source_id) FROM kompak_fact) FROM kompak_fact
    UNION ALL SELECT 'boundary', count(*), NULL, NULL,
           (SELECT string_agg(DISTINCT source_id, ', ' ORDER BY source_id) FROM boundary) FROM boundary
    UNION ALL SELECT 'replication', count(*), CAST(min(year) AS VARCHAR), CAST(max(year) AS VARCHAR),
           (SELECT string_agg(DISTINCT source_id, ', ' ORDER BY source_id) FROM replication) FROM replication
    UNION ALL SELECT 'delegated_authority', count(*), NULL, NULL,
           (SELECT string_agg(DISTINCT source_id, ', ' ORDER BY source_id) FROM delegated_authority) FROM delegated_authority
    UNION ALL SELECT 'paten_status', count(*), NULL, NULL,
           (SELECT string_agg(DISTINCT source_id, ', ' ORDER BY source_id) FROM paten_status) FROM paten_status
    UNION ALL SELECT 'training_event', count(*), NULL, NULL,
           (SELECT string_agg(DISTINCT source_id, ', ' ORDER BY source_id) FROM training_event) FROM training_event
    UNION ALL SELECT 'training_participation', count(*), NULL, NULL,
           (SELECT string_agg(DISTINCT source_id, ', ' ORDER BY source_id) FROM training_participation) FROM training_participation
    UNION ALL SELECT 'covid_case', count(*), CAST(min(case_date) AS VARCHAR), CAST(max(case_date) AS VARCHAR),
           (SELECT string_agg(DISTINCT source_id, ', ' ORDER BY source_id) FROM covid_case) FROM covid_case
    UNION ALL SELECT 'import_log', count(*), CAST(min(imported_at) AS VARCHAR), CAST(max(imported_at) AS VARCHAR), NULL FROM import_log
)
SELECT t.table_name, t.n, t.first_period, t.last_period, t.sources,
       (SELECT string_agg(DISTINCT s.status, ', ' ORDER BY s.status)
        FROM data_source s
        WHERE list_contains(string_split(coalesce(t.sources, ''), ', '), s.source_id)) AS status
FROM t
ORDER BY t.table_name
