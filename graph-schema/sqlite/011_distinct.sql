-- Pairs of actors a coordinator marked as two different people or organisations
-- (graph-schema/README.md, "Duplicates"): the duplicate finder does not list them again.
-- Applied once, in a transaction, when PRAGMA user_version < 11. `a` sorts before `b`.
CREATE TABLE distinct_pairs (
    a         TEXT NOT NULL,
    b         TEXT NOT NULL,
    marked_by TEXT NOT NULL,
    marked_at TEXT NOT NULL,
    PRIMARY KEY (a, b)
) STRICT;
