// One tie per kind from a source to a target (graph-schema/README.md, "Ties"): twins made before
// the rule are merged into the one most recently verified (then the most trusted, then the
// smallest id), the others deleted. When twins were merged the version moves and the change log starts again from it,
// so that every server reads its snapshot afresh. Runs once: the marker node says it has.
OPTIONAL MATCH (done:RelaymapMeta {key: 'migration:one_tie_per_kind'})
WITH done WHERE done IS NULL
CALL {
    MATCH (a:Actor)-[r]->(b:Actor)
    WITH a, b, type(r) AS kind, r
    ORDER BY r.last_verified IS NULL, r.last_verified DESC, r.trust DESC, r.id
    WITH a, b, kind, collect(r) AS ties WHERE size(ties) > 1
    UNWIND ties[1..] AS twin
    DELETE twin
    RETURN count(*) AS merged
}
MERGE (:RelaymapMeta {key: 'migration:one_tie_per_kind', value: 1})
WITH merged WHERE merged > 0
OPTIONAL MATCH (m:RelaymapMeta {key: 'version'})
OPTIONAL MATCH (f:RelaymapMeta {key: 'changes_from'})
FOREACH (_ IN CASE WHEN m IS NULL THEN [] ELSE [1] END | SET m.value = m.value + 1)
FOREACH (_ IN CASE WHEN m IS NULL OR f IS NULL THEN [] ELSE [1] END | SET f.value = m.value);
