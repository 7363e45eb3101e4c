-- Legal notification clocks: recorded clock events, regimes applied to an incident, stage submissions and
-- "not notifiable" decisions, notice drafts and their approval, and where the deadline board is posted.
-- History (corrections, removals) lives in the timeline and the audit chain; these tables hold the current state.
-- All instants are UTC ISO-8601 strings.

CREATE TABLE clock_events (
  incident_id TEXT NOT NULL REFERENCES incidents(id),
  event       TEXT NOT NULL,
  at          TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  PRIMARY KEY (incident_id, event)
) STRICT;

CREATE TABLE incident_regimes (
  incident_id TEXT NOT NULL REFERENCES incidents(id),
  regime_id   TEXT NOT NULL,
  applied_by  TEXT NOT NULL,
  applied_at  TEXT NOT NULL,
  PRIMARY KEY (incident_id, regime_id)
) STRICT;

CREATE TABLE stage_decisions (
  incident_id TEXT NOT NULL REFERENCES incidents(id),
  regime_id   TEXT NOT NULL,
  stage_id    TEXT NOT NULL,
  reason      TEXT NOT NULL,
  decided_by  TEXT NOT NULL,
  decided_at  TEXT NOT NULL,
  PRIMARY KEY (incident_id, regime_id, stage_id)
) STRICT;

CREATE TABLE notices (
  id          INTEGER PRIMARY KEY,
  incident_id TEXT NOT NULL REFERENCES incidents(id),
  template    TEXT NOT NULL,
  regime_id   TEXT,
  stage_id    TEXT,
  text        TEXT NOT NULL,
  drafted_by  TEXT NOT NULL,
  drafted_at  TEXT NOT NULL,
  status      TEXT NOT NULL DEFAULT 'pending',
  decided_by  TEXT,
  decided_at  TEXT,
  message_ts  TEXT
) STRICT;
CREATE INDEX notices_stage ON notices(incident_id, regime_id, stage_id);

CREATE TABLE stage_submissions (
  incident_id  TEXT NOT NULL REFERENCES incidents(id),
  regime_id    TEXT NOT NULL,
  stage_id     TEXT NOT NULL,
  submitted_at TEXT NOT NULL,
  recorded_by  TEXT NOT NULL,
  reference    TEXT NOT NULL,
  notice_id    INTEGER REFERENCES notices(id),
  final_text   TEXT,
  drafted_by   TEXT,
  approved_by  TEXT,
  PRIMARY KEY (incident_id, regime_id, stage_id)
) STRICT;

CREATE TABLE clock_board_parts (
  incident_id TEXT NOT NULL REFERENCES incidents(id),
  part        INTEGER NOT NULL,
  channel_id  TEXT NOT NULL,
  ts          TEXT NOT NULL,
  PRIMARY KEY (incident_id, part)
) STRICT;
