-- Playbooks attached to incidents, the state of each step (with its nag counters), and the checklist
-- messages Warden posted, so progress updates the same messages in place. Instants are UTC ISO-8601.

-- One running playbook per incident. `generation` grows on every switch: messages of an older generation
-- are retired. `flags_seen` are the flags the checklist was last rendered for (makes the flag hook idempotent).
CREATE TABLE incident_playbooks (
  incident_id TEXT PRIMARY KEY REFERENCES incidents(id),
  playbook_id TEXT NOT NULL,
  generation  INTEGER NOT NULL,
  attached_by TEXT NOT NULL,
  attached_at TEXT NOT NULL,
  flags_seen  TEXT NOT NULL DEFAULT '[]'
) STRICT;

-- A step with no row is open, unassigned and never nagged.
CREATE TABLE playbook_steps (
  incident_id   TEXT NOT NULL REFERENCES incidents(id),
  playbook_id   TEXT NOT NULL,
  step_id       TEXT NOT NULL,
  status        TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'skipped')),
  assignee      TEXT,
  closed_by     TEXT,
  closed_at     TEXT,
  evidence      TEXT,
  reason        TEXT,
  nags_sent     INTEGER NOT NULL DEFAULT 0,
  last_nag_at   TEXT,
  snoozed_until TEXT,
  PRIMARY KEY (incident_id, playbook_id, step_id)
) STRICT;

CREATE TABLE playbook_messages (
  incident_id TEXT NOT NULL REFERENCES incidents(id),
  generation  INTEGER NOT NULL,
  part        INTEGER NOT NULL,
  channel_id  TEXT NOT NULL,
  ts          TEXT NOT NULL,
  -- Hash of the last rendered content: an unchanged part is not sent again.
  hash        TEXT NOT NULL,
  PRIMARY KEY (incident_id, generation, part)
) STRICT;
