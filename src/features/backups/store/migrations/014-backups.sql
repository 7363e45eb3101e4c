-- Backups of the live database: one row per attempt, manual (`warden backup PATH`) or scheduled, so `/readyz`,
-- `/metrics` and the managers' digest can say how old the last good one is, and retention knows what to prune.
CREATE TABLE backups (
  id             INTEGER PRIMARY KEY,
  path           TEXT NOT NULL,
  kind           TEXT NOT NULL CHECK (kind IN ('manual', 'scheduled')),
  taken_at       TEXT NOT NULL,
  bytes          INTEGER,
  sha256         TEXT,
  -- The audit head the copy holds: how many entries, and the last one's hash.
  audit_entries  INTEGER,
  audit_head     TEXT,
  -- The newest audit entry's time in the copy: what a restore of it brings back (the RPO achieved).
  data_as_of     TEXT,
  -- ok: the file is there and was checked; failed: no file (error says why); pruned: deleted by retention.
  status         TEXT NOT NULL CHECK (status IN ('ok', 'failed', 'pruned')),
  error          TEXT
) STRICT;
-- The last good backup (readiness, metrics, digest) and the scheduled ones retention walks.
CREATE INDEX backups_status_taken ON backups(status, taken_at);
CREATE INDEX backups_kind_status_taken ON backups(kind, status, taken_at);
