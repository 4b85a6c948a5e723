-- The change log (graph-schema/README.md, "The change log"). Applied once, in a transaction,
-- when PRAGMA user_version < 8.
--
-- Every write of the network records, in its own transaction and under the version it commits
-- as, which actors and ties it created, replaced or deleted: a server brings its relay graph up
-- to date by reading what changed after its version instead of the whole network. Only ids are
-- kept, never what changed; the records are read from their tables.
CREATE TABLE changes (
    version INTEGER NOT NULL,
    entity  TEXT    NOT NULL CHECK (entity IN ('actor', 'tie')),
    id      TEXT    NOT NULL,
    PRIMARY KEY (version, entity, id)
) STRICT, WITHOUT ROWID;

-- The log answers "what changed after version v" for every v from this one on; older versions
-- (pruned, or before an import too large to log, or before an erasure, which empties the log)
-- need a full read.
INSERT INTO meta (key, value) SELECT 'changes_from', value FROM meta WHERE key = 'version';
