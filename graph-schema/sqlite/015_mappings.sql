-- Saved Network Canvas import mappings (graph-schema/README.md, "Network Canvas"). Applied once,
-- in a transaction, when PRAGMA user_version < 15. Not part of the network: saving one does not
-- move the version. A mapping names variables and types, never people.
CREATE TABLE mappings (
    name     TEXT PRIMARY KEY,
    body     TEXT NOT NULL,
    saved_by TEXT NOT NULL,
    saved_at TEXT NOT NULL
) STRICT;
