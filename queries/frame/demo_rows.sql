-- How many rows in the database come from a demo source (0 means no demo banner).
SELECT CAST((SELECT coalesce(sum(c.n_values), 0) FROM indicator_coverage c JOIN data_source s USING (source_id) WHERE s.status = 'demo')
          + (SELECT count(*) FROM coordination_record c JOIN data_source s USING (source_id) WHERE s.status = 'demo') AS BIGINT)
       AS demo_rows
