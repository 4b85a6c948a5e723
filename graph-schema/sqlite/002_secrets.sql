-- Per-deployment secrets (for instance the key of research pseudonyms): created on first use,
-- never changed, never exported or logged. Applied once, in a transaction, when
-- PRAGMA user_version < 2.

CREATE TABLE secrets (
    name  TEXT PRIMARY KEY,
    value BLOB NOT NULL
) STRICT;
