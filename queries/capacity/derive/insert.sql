-- Written by cettar.capacity.refresh_service_gaps: the gaps and ratios computed by
-- cettar.capacity, registered as the relation capacity_gaps.
INSERT INTO indicator_value (region_code, indicator_id, period, value, source_id)
SELECT region_code, indicator_id, period, value, source_id FROM capacity_gaps;
