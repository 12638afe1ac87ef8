-- Daily COVID-19 cases for the province as a whole (imported; empty until then).
SELECT case_date, new_cases, total_cases, source_id
FROM covid_case
WHERE region_code = '35'
ORDER BY case_date
