// Failed sign-ins and requests with unknown tokens, counted by every server process together
// (graph-schema/README.md, "The failure limit"): `client` is a keyed hash of the client's
// address, `at` an RFC 3339 time. Idempotent: applied at every start.
CREATE INDEX failure_client IF NOT EXISTS FOR (f:RelaymapFailure) ON (f.client);
CREATE INDEX failure_at IF NOT EXISTS FOR (f:RelaymapFailure) ON (f.at);
