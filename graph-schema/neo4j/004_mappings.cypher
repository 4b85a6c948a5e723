// Saved Network Canvas import mappings (graph-schema/README.md, "Network Canvas"): one node per
// name. Idempotent: applied at every start.
CREATE CONSTRAINT mapping_name IF NOT EXISTS FOR (m:RelaymapMapping) REQUIRE m.name IS UNIQUE;
