-- One tie per kind from a source to a target (graph-schema/README.md, "Ties"): twins made before
-- the rule are merged into the one most recently verified (then the most trusted, then the
-- smallest id), the others deleted; a unique index keeps it so. When twins were merged the
-- version moves and the change log is forgotten, so that every snapshot is read afresh.
-- Applied once, in a transaction, when PRAGMA user_version < 14.
CREATE TEMP TABLE twins AS
    SELECT id FROM (
        SELECT id, row_number() OVER (
            PARTITION BY source, target, kind
            ORDER BY last_verified IS NULL, last_verified DESC, trust DESC, id
        ) AS rank
        FROM ties
    )
    WHERE rank > 1;

DELETE FROM ties WHERE id IN (SELECT id FROM temp.twins);

CREATE UNIQUE INDEX ties_one_per_kind ON ties (source, target, kind);

UPDATE meta SET value = value + 1
    WHERE key = 'version' AND EXISTS (SELECT 1 FROM temp.twins);
DELETE FROM changes WHERE EXISTS (SELECT 1 FROM temp.twins);
UPDATE meta SET value = (SELECT value FROM meta WHERE key = 'version')
    WHERE key = 'changes_from' AND EXISTS (SELECT 1 FROM temp.twins);

DROP TABLE temp.twins;
