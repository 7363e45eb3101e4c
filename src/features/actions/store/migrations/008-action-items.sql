-- Action items: follow-ups of an incident with one owner and a due time; they outlive the incident.
CREATE TABLE action_items (
  incident_id    TEXT NOT NULL REFERENCES incidents(id),
  -- A1, A2 ... in the order they were added, unique per incident.
  id             TEXT NOT NULL,
  text           TEXT NOT NULL,
  owner          TEXT NOT NULL,
  due_at         TEXT NOT NULL,
  status         TEXT NOT NULL CHECK (status IN ('open', 'done')),
  evidence       TEXT,
  created_by     TEXT NOT NULL,
  created_at     TEXT NOT NULL,
  done_by        TEXT,
  done_at        TEXT,
  -- The follow-up plan: the due time and owner were set at plan_since; next_reminder is the plan number queued next.
  plan_since     TEXT NOT NULL,
  next_reminder  INTEGER NOT NULL DEFAULT 0,
  escalated_at   TEXT,
  PRIMARY KEY (incident_id, id)
) STRICT;
-- App Home and `action list mine` read a person's open items, soonest due first.
CREATE INDEX action_items_open_owner ON action_items(owner, due_at) WHERE status = 'open';
