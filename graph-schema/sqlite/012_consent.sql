-- Consent with purposes (graph-schema/README.md, "Consent"): the yes/no `consent` becomes a
-- record of the purposes agreed, when, by whom and until when, as a JSON object (NULL: none).
-- A former yes meant every use relaymap made of the data, so it becomes every purpose.
-- Applied once, in a transaction, when PRAGMA user_version < 12.
ALTER TABLE actors ADD COLUMN consent_record TEXT
    CHECK (consent_record IS NULL OR json_valid(consent_record));

UPDATE actors SET consent_record = '{"purposes":["warnings","partners","research"]}'
WHERE consent = 1;

ALTER TABLE actors DROP COLUMN consent;
