-- Activations: crises and drills being run (graph-schema/README.md, "Activations"). Applied once,
-- in a transaction, when PRAGMA user_version < 10. Not part of the network: writing one does not
-- move the change version. Each is one JSON document; `revision` moves with every write, so that
-- two coordinators recording contacts at once never lose one (the second write retries).
CREATE TABLE activations (
    id         TEXT PRIMARY KEY,
    revision   INTEGER NOT NULL,
    started_at TEXT NOT NULL,
    document   TEXT NOT NULL
) STRICT;
