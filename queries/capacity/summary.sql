-- Capacity at a glance for the area ($scope: a kab/kota code or NULL) in one year ($year):
-- kecamatan with PATEN, with a published service standard, delegated authorities evaluated
-- that year, and people trained in events that started that year. One row.
WITH kec AS (
    SELECT code FROM region WHERE level = 'kecamatan' AND ($scope IS NULL OR kabkota_code = $scope)
)
SELECT (SELECT count(*) FROM kec) AS kecamatan,
       (SELECT count(*) FROM paten_status p SEMI JOIN kec ON kec.code = p.kecamatan_code
        WHERE p.year = CAST($year AS INTEGER) AND p.implemented) AS paten,
       (SELECT count(*) FROM paten_status p SEMI JOIN kec ON kec.code = p.kecamatan_code
        WHERE p.year = CAST($year AS INTEGER) AND p.standard_published) AS standard,
       (SELECT count(*) FROM delegated_authority a SEMI JOIN kec ON kec.code = a.kecamatan_code
        WHERE a.year = CAST($year AS INTEGER)) AS authorities,
       (SELECT coalesce(sum(t.participants), 0) FROM training_participation t
        JOIN training_event e USING (event_id) SEMI JOIN kec ON kec.code = t.kecamatan_code
        WHERE year(e.start_date) = CAST($year AS INTEGER)) AS trained,
       (SELECT string_agg(DISTINCT s.status, ', ' ORDER BY s.status) FROM (
            SELECT source_id FROM paten_status UNION ALL SELECT source_id FROM delegated_authority
            UNION ALL SELECT source_id FROM training_participation) x
        JOIN data_source s USING (source_id)) AS status
