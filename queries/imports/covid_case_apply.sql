-- Replace daily COVID-19 figures with the same date and region by the staged rows.
DELETE FROM covid_case c USING staged s WHERE s.case_date = c.case_date AND s.region_code = c.region_code;

INSERT INTO covid_case
SELECT case_date, region_code, new_cases, new_deaths, new_recovered, active_change,
       total_cases, total_recovered, total_deaths, total_active, source_id
FROM staged;
