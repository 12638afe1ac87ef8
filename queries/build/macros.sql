-- Helpers used by the build. Kemendagri codes are dotted; the compiled facts and most other
-- sources write them without dots ('3501', '350101', '3501012001').
CREATE OR REPLACE MACRO kemendagri_code(raw) AS (
    CASE length(regexp_replace(trim(raw), '[^0-9]', '', 'g'))
        WHEN 2  THEN regexp_replace(trim(raw), '[^0-9]', '', 'g')
        WHEN 4  THEN regexp_replace(regexp_replace(trim(raw), '[^0-9]', '', 'g'), '^(\d{2})(\d{2})$', '\1.\2')
        WHEN 6  THEN regexp_replace(regexp_replace(trim(raw), '[^0-9]', '', 'g'), '^(\d{2})(\d{2})(\d{2})$', '\1.\2.\3')
        WHEN 10 THEN regexp_replace(regexp_replace(trim(raw), '[^0-9]', '', 'g'), '^(\d{2})(\d{2})(\d{2})(\d{4})$', '\1.\2.\3.\4')
        ELSE NULL
    END
);
