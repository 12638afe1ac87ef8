-- The official region list, for checking codes in an import file.
SELECT code, level, type FROM region;
