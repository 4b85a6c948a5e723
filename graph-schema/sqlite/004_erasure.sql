-- Erasure (graph-schema/README.md, "Access"). Applied once, in a transaction, when
-- PRAGMA user_version < 4.
--
-- The audit trail stays append-only with one exception: erasing a person replaces their id, and
-- the ids of their ties, with 'erased' where an entry names them as its target. Nothing else in
-- an entry may change, and no entry may be removed.
DROP TRIGGER audit_no_update;

CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
WHEN NOT (
    NEW.target IS 'erased'
    AND OLD.target IS NOT NULL
    AND NEW.seq IS OLD.seq
    AND NEW.at IS OLD.at
    AND NEW.who IS OLD.who
    AND NEW.role IS OLD.role
    AND NEW.action IS OLD.action
    AND NEW.outcome IS OLD.outcome
)
BEGIN
    SELECT RAISE(ABORT, 'the audit trail is append-only');
END;
