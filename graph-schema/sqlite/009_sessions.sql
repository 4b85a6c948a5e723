-- Web sessions (graph-schema/README.md, "Access"). Applied once, in a transaction, when
-- PRAGMA user_version < 9.
--
-- In the store, not in a server's memory, so that a browser signed in through one relaymap
-- process is signed in on every other on the same store. Only the hash of the session cookie is
-- kept; the token is found again by the hash of its secret on every request.
CREATE TABLE sessions (
    cookie_hash TEXT PRIMARY KEY,
    token_hash  TEXT NOT NULL,
    csrf        TEXT NOT NULL,
    expires_at  TEXT NOT NULL
) STRICT;
CREATE INDEX sessions_by_expiry ON sessions (expires_at);
