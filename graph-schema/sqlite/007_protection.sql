-- Protection (graph-schema/README.md, "Access" and "Erasure"). Applied once, in a transaction,
-- when PRAGMA user_version < 7.
--
-- Every audited request says how many records it handed out (reads of personal data are
-- audited too), and names the actors it concerns beyond its target (the two ends of a tie), so
-- that erasing a person also finds the entries about their ties after those ties are gone.
ALTER TABLE audit ADD COLUMN records INTEGER;
ALTER TABLE audit ADD COLUMN subjects TEXT;  -- JSON array of actor ids, or NULL

-- Erasure may replace a target with 'erased' and forget the subjects; nothing else changes.
DROP TRIGGER audit_no_update;

CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
WHEN NOT (
    ((NEW.target IS 'erased' AND OLD.target IS NOT NULL AND OLD.target IS NOT 'erased')
     OR (NEW.subjects IS NULL AND OLD.subjects IS NOT NULL))
    AND (NEW.target IS OLD.target OR NEW.target IS 'erased')
    AND (NEW.subjects IS OLD.subjects OR NEW.subjects IS NULL)
    AND NEW.seq IS OLD.seq
    AND NEW.at IS OLD.at
    AND NEW.who IS OLD.who
    AND NEW.role IS OLD.role
    AND NEW.action IS OLD.action
    AND NEW.outcome IS OLD.outcome
    AND NEW.records IS OLD.records
)
BEGIN
    SELECT RAISE(ABORT, 'the audit trail is append-only');
END;
