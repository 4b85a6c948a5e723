-- Failed sign-ins and requests with unknown tokens (graph-schema/README.md, "The failure limit").
-- Applied once, in a transaction, when PRAGMA user_version < 16.
--
-- Every server process on the store counts a client's failures together: a client cannot get
-- more tries by spreading them over the processes behind a proxy. `client` is a keyed hash of
-- the client's address (never the address), `at` an RFC 3339 time; a row older than the failure
-- window is deleted at the next failure.
CREATE TABLE failures (
    client TEXT NOT NULL,
    at     TEXT NOT NULL
) STRICT;
CREATE INDEX failures_by_client ON failures (client, at);
CREATE INDEX failures_by_time ON failures (at);
