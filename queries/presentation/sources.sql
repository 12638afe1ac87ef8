-- Every data source, for the sources and data status in the slides' notes.
SELECT source_id, title_id, title_en, publisher, licence, status, url
FROM data_source
ORDER BY source_id
