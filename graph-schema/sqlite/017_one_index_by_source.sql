-- One index by a tie's source (graph-schema/README.md, "SQLite").
-- Applied once, in a transaction, when PRAGMA user_version < 17.
--
-- `ties_source` (source) repeats the leftmost column of `ties_one_per_kind` (source, target,
-- kind), which serves every lookup by source as well (an actor's ties, the cascade when an actor
-- is deleted). Every tie written updated both: one B-tree less per tie written, and a smaller
-- file.
DROP INDEX IF EXISTS ties_source;
