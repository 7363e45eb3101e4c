-- Post-incident reviews: one per incident, scheduled when it resolves (severities with a review only).
CREATE TABLE reviews (
  incident_id    TEXT PRIMARY KEY REFERENCES incidents(id),
  -- scheduled: waiting to be written; paused: the incident was reopened; done; waived
  status         TEXT NOT NULL CHECK (status IN ('scheduled', 'paused', 'done', 'waived')),
  drill          INTEGER NOT NULL DEFAULT 0,
  owner          TEXT NOT NULL,
  due_at         TEXT NOT NULL,
  -- When the review meeting takes place (`/incident pir schedule`), if set.
  meeting_at     TEXT,
  link           TEXT,
  waive_reason   TEXT,
  decided_by     TEXT,
  decided_at     TEXT,
  -- The follow-up plan: the due time was set at plan_since; next_reminder is the plan number to send next.
  plan_since     TEXT NOT NULL,
  next_reminder  INTEGER NOT NULL DEFAULT 0,
  escalated_at   TEXT,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
) STRICT;
-- App Home and the digests read a person's open reviews, and the overdue ones by due time.
CREATE INDEX reviews_open_owner ON reviews(owner, due_at) WHERE status = 'scheduled';
CREATE INDEX reviews_open_due ON reviews(due_at) WHERE status = 'scheduled';
