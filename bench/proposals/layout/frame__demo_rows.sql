-- PROPOSED (with layout/setup.sql) rewrite of queries/frame/demo_rows.sql (run by app.py on
-- every page's first load).
SELECT CAST((SELECT coalesce(sum(c.n_values), 0) FROM indicator_coverage c JOIN data_source s USING (source_id) WHERE s.status = 'demo')
          + (SELECT count(*) FROM coordination_record c JOIN data_source s USING (source_id) WHERE s.status = 'demo') AS BIGINT)
       AS demo_rows
