// Consent with purposes (graph-schema/README.md, "Consent"): the yes/no `consent` property
// becomes `consent_record`, a JSON object of the purposes agreed, when, by whom and until when
// (absent: none). A former yes meant every use relaymap made of the data, so it becomes every
// purpose. Idempotent: only actors still carrying the old property match.
MATCH (a:Actor) WHERE a.consent IS NOT NULL
SET a.consent_record = CASE WHEN a.consent THEN '{"purposes":["warnings","partners","research"]}' END
REMOVE a.consent;
