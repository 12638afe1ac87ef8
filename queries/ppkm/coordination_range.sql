-- First and last date of the coordination records.
SELECT min(activity_date) AS first_date, max(activity_date) AS last_date FROM coordination_record
