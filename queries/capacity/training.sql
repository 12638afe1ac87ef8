-- Training received by one kecamatan ($kecamatan): its participant groups with their event,
-- newest event first. Grain: one row per event x role.
SELECT e.event_id, e.name, e.start_date, e.end_date, e.place, e.organiser, t.role, t.participants,
       (SELECT status FROM data_source WHERE source_id = t.source_id) AS status
FROM training_participation t
JOIN training_event e USING (event_id)
WHERE t.kecamatan_code = $kecamatan
ORDER BY e.start_date DESC, e.event_id,
         list_position(['camat', 'sekretaris_camat', 'kasi_pelayanan', 'staf_paten', 'pendamping_desa', 'perangkat_desa', 'lainnya'], t.role)
