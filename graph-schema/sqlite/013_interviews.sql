-- Ego-network interviews (graph-schema/README.md, "Interviews"): the `interviewer` role, the
-- interview records with their client keys (one interview per key, however often it is sent),
-- and the versions of the interview protocol (a saved version never changes).
-- Applied once, in a transaction, when PRAGMA user_version < 13.
CREATE TABLE tokens_new (
    id          TEXT PRIMARY KEY,
    label       TEXT NOT NULL,
    role        TEXT NOT NULL
                CHECK (role IN ('admin', 'coordinator', 'analyst', 'viewer', 'interviewer')),
    secret_hash TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL,
    expires_at  TEXT,
    revoked_at  TEXT
) STRICT;
INSERT INTO tokens_new SELECT id, label, role, secret_hash, created_at, expires_at, revoked_at
FROM tokens;
DROP TABLE tokens;
ALTER TABLE tokens_new RENAME TO tokens;

CREATE TABLE interviews (
    id          TEXT PRIMARY KEY,
    key         TEXT NOT NULL UNIQUE,
    ego         TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    document    TEXT NOT NULL CHECK (json_valid(document))
) STRICT;
CREATE INDEX interviews_by_ego ON interviews (ego);
CREATE INDEX interviews_by_time ON interviews (recorded_at);

CREATE TABLE protocols (
    version  INTEGER PRIMARY KEY CHECK (version > 0),
    saved_at TEXT NOT NULL,
    saved_by TEXT NOT NULL,
    document TEXT NOT NULL CHECK (json_valid(document))
) STRICT;
