-- Core tables: incidents, roles, timeline, the audit chain, durable jobs, inbound request keys.
-- All instants are UTC ISO-8601 strings (they sort as text).

CREATE TABLE counters (
  name  TEXT PRIMARY KEY,
  value INTEGER NOT NULL
) STRICT;

CREATE TABLE incidents (
  id                   TEXT PRIMARY KEY,
  title                TEXT NOT NULL,
  description          TEXT NOT NULL DEFAULT '',
  type                 TEXT NOT NULL,
  severity             TEXT NOT NULL,
  status               TEXT NOT NULL,
  drill                INTEGER NOT NULL DEFAULT 0,
  flags                TEXT NOT NULL DEFAULT '[]',
  declared_by          TEXT NOT NULL,
  declared_at          TEXT NOT NULL,
  detected_at          TEXT,
  resolved_at          TEXT,
  closed_at            TEXT,
  channel_id           TEXT UNIQUE,
  channel_name         TEXT,
  card_ts              TEXT,
  announcement_channel TEXT,
  announcement_ts      TEXT,
  last_update_at       TEXT,
  request_key          TEXT UNIQUE
) STRICT;
CREATE INDEX incidents_status ON incidents(status);

CREATE TABLE incident_roles (
  incident_id TEXT NOT NULL REFERENCES incidents(id),
  role        TEXT NOT NULL,
  user_id     TEXT NOT NULL,
  assigned_by TEXT NOT NULL,
  assigned_at TEXT NOT NULL,
  PRIMARY KEY (incident_id, role)
) STRICT;
CREATE INDEX incident_roles_user ON incident_roles(user_id);

CREATE TABLE timeline (
  id          INTEGER PRIMARY KEY,
  incident_id TEXT NOT NULL REFERENCES incidents(id),
  at          TEXT NOT NULL,
  kind        TEXT NOT NULL,
  actor       TEXT NOT NULL,
  text        TEXT NOT NULL,
  data        TEXT NOT NULL DEFAULT '{}',
  source_key  TEXT,
  UNIQUE (incident_id, kind, source_key)
) STRICT;
CREATE INDEX timeline_incident ON timeline(incident_id, at);

CREATE TABLE audit_log (
  seq         INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,
  actor       TEXT NOT NULL,
  action      TEXT NOT NULL,
  incident_id TEXT,
  details     TEXT NOT NULL,
  prev_hash   TEXT NOT NULL,
  hash        TEXT NOT NULL UNIQUE
) STRICT;
CREATE INDEX audit_incident ON audit_log(incident_id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

CREATE TABLE jobs (
  id          INTEGER PRIMARY KEY,
  kind        TEXT NOT NULL,
  due_at      TEXT NOT NULL,
  payload     TEXT NOT NULL DEFAULT '{}',
  idem_key    TEXT UNIQUE,
  incident_id TEXT,
  status      TEXT NOT NULL DEFAULT 'pending',
  attempts    INTEGER NOT NULL DEFAULT 0,
  last_error  TEXT,
  created_at  TEXT NOT NULL,
  finished_at TEXT
) STRICT;
CREATE INDEX jobs_pending_due ON jobs(due_at, id) WHERE status = 'pending';
CREATE INDEX jobs_incident ON jobs(incident_id, kind) WHERE status = 'pending';

CREATE TABLE inbound_requests (
  key         TEXT PRIMARY KEY,
  received_at TEXT NOT NULL
) STRICT;
