-- Register the data source of a boundary import unless it exists. Params: $source_id,
-- $title_id, $title_en, $publisher, $url, $licence, $retrieved, $note.
INSERT INTO data_source (source_id, title_id, title_en, publisher, url, licence, retrieved, status, note)
SELECT $source_id, $title_id, $title_en, $publisher, $url, $licence, $retrieved, 'official', $note
WHERE NOT EXISTS (SELECT 1 FROM data_source WHERE source_id = $source_id)
