-- How many rows in the database come from a demo source (0 means no demo banner).
SELECT (SELECT count(*) FROM indicator_value v JOIN data_source s USING (source_id) WHERE s.status = 'demo')
     + (SELECT count(*) FROM coordination_record c JOIN data_source s USING (source_id) WHERE s.status = 'demo')
       AS demo_rows
