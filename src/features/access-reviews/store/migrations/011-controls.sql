-- Recurring controls: access reviews of systems and the policy's other controls (secrets rotation, drills ...).
-- Configured ones are refreshed from warden.yaml at each start (source = 'config'); `/access-review add` stores its own.
CREATE TABLE controls (
  id           TEXT PRIMARY KEY,
  name         TEXT NOT NULL,
  type         TEXT NOT NULL CHECK (type IN ('access-review', 'control')),
  kind         TEXT NOT NULL CHECK (kind IN ('manual', 'tabletop')),
  owner        TEXT,
  -- A calendar cadence (weekly, monthly, quarterly, yearly) or a period in ms as digits.
  every        TEXT NOT NULL,
  evidence     TEXT,
  source       TEXT NOT NULL CHECK (source IN ('config', 'added')),
  added_by     TEXT,
  -- When Warden first saw it: a day cadence counts its first period from here. Never changed.
  since        TEXT NOT NULL,
  active       INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;

-- `/access-review owner`: a stored owner wins over the configured one.
CREATE TABLE control_owners (
  control_id   TEXT PRIMARY KEY REFERENCES controls(id),
  owner        TEXT NOT NULL,
  set_by       TEXT NOT NULL,
  set_at       TEXT NOT NULL
) STRICT;

-- Consecutive periods of a control; each is done once, with evidence, late when done after its due time.
CREATE TABLE control_periods (
  control_id    TEXT NOT NULL REFERENCES controls(id),
  start         TEXT NOT NULL,
  due           TEXT NOT NULL,
  status        TEXT NOT NULL CHECK (status IN ('open', 'done')),
  done_by       TEXT,
  done_at       TEXT,
  evidence      TEXT,
  late          INTEGER NOT NULL DEFAULT 0 CHECK (late IN (0, 1)),
  -- The follow-up plan: counted from plan_since; next_reminder is the plan number queued next.
  plan_since    TEXT NOT NULL,
  next_reminder INTEGER NOT NULL DEFAULT 0,
  escalated_at  TEXT,
  PRIMARY KEY (control_id, start)
) STRICT;
-- `done` closes the oldest open period of a control; App Home reads a person's open ones.
CREATE INDEX control_periods_open ON control_periods(control_id, start) WHERE status = 'open';
-- The digest reads overdue periods, most overdue first.
CREATE INDEX control_periods_overdue ON control_periods(due) WHERE status = 'open';
