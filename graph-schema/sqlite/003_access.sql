-- API tokens and the audit trail (graph-schema/README.md, "Access"). Applied once, in a
-- transaction, when PRAGMA user_version < 3.

-- Only the SHA-256 of a token's secret is kept; the secret is shown once, when it is made.
CREATE TABLE tokens (
    id          TEXT PRIMARY KEY,
    label       TEXT NOT NULL,
    role        TEXT NOT NULL CHECK (role IN ('admin', 'coordinator', 'analyst', 'viewer')),
    secret_hash TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL,
    expires_at  TEXT,
    revoked_at  TEXT
) STRICT;

-- Append-only: relaymap only ever inserts; the triggers refuse changes from anything else too.
CREATE TABLE audit (
    seq     INTEGER PRIMARY KEY AUTOINCREMENT,
    at      TEXT NOT NULL,
    who     TEXT NOT NULL,
    role    TEXT,
    action  TEXT NOT NULL,
    target  TEXT,
    outcome TEXT NOT NULL
);

CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN
    SELECT RAISE(ABORT, 'the audit trail is append-only');
END;

CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN
    SELECT RAISE(ABORT, 'the audit trail is append-only');
END;
