-- A data source declared by an import. Params: one per column.
INSERT INTO data_source (source_id, title_id, title_en, publisher, url, licence, retrieved, status, note)
VALUES ($source_id, $title_id, $title_en, $publisher, $url, $licence, $retrieved, $status, $note);
