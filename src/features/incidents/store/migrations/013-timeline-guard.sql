-- The timeline is append-only like the audit chain: nothing in Warden edits or deletes a timeline entry.
-- (An attacker with the file can drop these; `warden audit verify` reports a missing guard and, through the
-- hashes the audit entries carry, the edited row itself.)
CREATE TRIGGER timeline_no_update BEFORE UPDATE ON timeline
BEGIN SELECT RAISE(ABORT, 'timeline is append-only'); END;
CREATE TRIGGER timeline_no_delete BEFORE DELETE ON timeline
BEGIN SELECT RAISE(ABORT, 'timeline is append-only'); END;
