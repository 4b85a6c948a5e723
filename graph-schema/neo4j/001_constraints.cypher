// relaymap network on Neo4j: constraints and indexes. Every statement is idempotent
// (IF NOT EXISTS) and is applied each time relaymap connects, or by `relaymap migrate-schema`.
// The mapping is documented in graph-schema/README.md.

// Actor ids are relaymap's own (neo4rs sees no element ids); unique across all kinds.
CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (a:Actor) REQUIRE a.id IS UNIQUE;

// Tie ids: relationship constraints exist per type, so one per tie kind. Uniqueness across
// kinds is checked by relaymap before every write.
CREATE CONSTRAINT knows_id IF NOT EXISTS FOR ()-[r:KNOWS]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT member_of_id IF NOT EXISTS FOR ()-[r:MEMBER_OF]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT partners_with_id IF NOT EXISTS FOR ()-[r:PARTNERS_WITH]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT serves_id IF NOT EXISTS FOR ()-[r:SERVES]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT located_in_id IF NOT EXISTS FOR ()-[r:LOCATED_IN]-() REQUIRE r.id IS UNIQUE;

// The change version lives in one node, so every relaymap replica sees the others' writes.
CREATE CONSTRAINT meta_key IF NOT EXISTS FOR (m:RelaymapMeta) REQUIRE m.key IS UNIQUE;

// The change log: which actors and ties each version wrote (graph-schema/README.md).
CREATE INDEX change_version IF NOT EXISTS FOR (c:RelaymapChange) ON (c.version);

CREATE INDEX actor_kind IF NOT EXISTS FOR (a:Actor) ON (a.kind);
CREATE INDEX actor_city IF NOT EXISTS FOR (a:Actor) ON (a.city);
CREATE POINT INDEX actor_location IF NOT EXISTS FOR (a:Actor) ON (a.location);

// API tokens (only their secret's hash) and the append-only audit trail.
CREATE CONSTRAINT token_id IF NOT EXISTS FOR (t:RelaymapToken) REQUIRE t.id IS UNIQUE;
CREATE CONSTRAINT token_secret_hash IF NOT EXISTS FOR (t:RelaymapToken) REQUIRE t.secret_hash IS UNIQUE;
CREATE CONSTRAINT audit_seq IF NOT EXISTS FOR (a:RelaymapAudit) REQUIRE a.seq IS UNIQUE;

// Web sessions, by the hash of their cookie, so that every relaymap process finds them.
CREATE CONSTRAINT session_cookie IF NOT EXISTS FOR (s:RelaymapSession) REQUIRE s.cookie_hash IS UNIQUE;

// Saved crisis scenarios, by name.
CREATE CONSTRAINT scenario_name IF NOT EXISTS FOR (s:RelaymapScenario) REQUIRE s.name IS UNIQUE;

// Activations (crises and drills being run), by id.
CREATE CONSTRAINT activation_id IF NOT EXISTS FOR (a:RelaymapActivation) REQUIRE a.id IS UNIQUE;

// Pairs of actors marked as two different people (the duplicate finder skips them).
CREATE CONSTRAINT distinct_pair IF NOT EXISTS FOR (d:RelaymapDistinct) REQUIRE d.pair IS UNIQUE;

// Interviews, by id and by the client's key (one interview per key); protocol versions.
CREATE CONSTRAINT interview_id IF NOT EXISTS FOR (i:RelaymapInterview) REQUIRE i.id IS UNIQUE;
CREATE CONSTRAINT interview_key IF NOT EXISTS FOR (i:RelaymapInterview) REQUIRE i.key IS UNIQUE;
CREATE CONSTRAINT protocol_version IF NOT EXISTS FOR (p:RelaymapProtocol) REQUIRE p.version IS UNIQUE;
