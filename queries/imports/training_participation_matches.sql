-- Published participant groups that the staged rows replace (same event name and start date,
-- kecamatan and role).
SELECT count(*) FROM training_participation t
JOIN training_event e USING (event_id)
SEMI JOIN staged s ON s.event_name = e.name AND s.start_date = e.start_date
                  AND s.kecamatan_code = t.kecamatan_code AND s.role = t.role;
