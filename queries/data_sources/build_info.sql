-- What was built, when, with which software version.
SELECT key, value FROM build_info ORDER BY key
