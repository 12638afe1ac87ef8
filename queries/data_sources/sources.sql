-- Every data source with its licence and status.
SELECT source_id, title_id, title_en, publisher, licence, retrieved, status, url, note
FROM data_source
ORDER BY CASE status WHEN 'official' THEN 1 WHEN 'compiled' THEN 2 ELSE 3 END, source_id
