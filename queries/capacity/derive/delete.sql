-- Written by cettar.capacity.refresh_service_gaps: remove the gaps and ratios of an earlier
-- refresh (rows of its own sources only). Params: $source_ids.
DELETE FROM indicator_value WHERE list_contains($source_ids, source_id);
