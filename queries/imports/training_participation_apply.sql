-- Training from the staged rows: an event is known by its name and start date. Known events take
-- the file's end date, place and organiser (the loader checked that the file agrees with itself);
-- new events get the next event_ids; participant groups with the same event, kecamatan and role
-- are replaced.
UPDATE training_event e
SET end_date = s.end_date, place = s.place, organiser = s.organiser, source_id = s.source_id
FROM (SELECT DISTINCT event_name, start_date, end_date, place, organiser, source_id FROM staged) s
WHERE s.event_name = e.name AND s.start_date = e.start_date;

INSERT INTO training_event
SELECT (SELECT coalesce(max(event_id), 0) FROM training_event) + row_number() OVER (ORDER BY first_row),
       event_name, start_date, end_date, place, organiser, source_id
FROM (SELECT event_name, start_date, any_value(end_date) AS end_date, any_value(place) AS place,
             any_value(organiser) AS organiser, any_value(source_id) AS source_id, min(row_number) AS first_row
      FROM staged GROUP BY event_name, start_date) n
WHERE NOT EXISTS (SELECT 1 FROM training_event e WHERE e.name = n.event_name AND e.start_date = n.start_date);

DELETE FROM training_participation t USING staged s, training_event e
WHERE e.event_id = t.event_id AND s.event_name = e.name AND s.start_date = e.start_date
  AND s.kecamatan_code = t.kecamatan_code AND s.role = t.role;

INSERT INTO training_participation
SELECT e.event_id, s.kecamatan_code, s.role, s.participants, s.source_id
FROM staged s JOIN training_event e ON e.name = s.event_name AND e.start_date = s.start_date;
