-- What the page's filters offer, unfiltered: every award name with its years and row count,
-- and the recipient levels present.
SELECT award_name, min(year) AS first_year, max(year) AS last_year, count(*) AS awards,
       string_agg(DISTINCT recipient_level, ',' ORDER BY recipient_level) AS recipient_levels
FROM award
GROUP BY award_name
ORDER BY min(year), award_name
