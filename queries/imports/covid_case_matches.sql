-- Published daily COVID-19 figures that the staged rows replace (same date and region).
SELECT count(*) FROM covid_case c
SEMI JOIN staged s ON s.case_date = c.case_date AND s.region_code = c.region_code;
