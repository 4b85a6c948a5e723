-- Saved crisis scenarios (graph-schema/README.md, "Scenarios"). Applied once, in a transaction,
-- when PRAGMA user_version < 5. Not part of the network: saving one does not move the version.
CREATE TABLE scenarios (
    name     TEXT PRIMARY KEY,
    query    TEXT NOT NULL,
    saved_by TEXT NOT NULL,
    saved_at TEXT NOT NULL
) STRICT;
