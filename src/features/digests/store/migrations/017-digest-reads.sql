-- The managers' digest costs what it shows (issue 15), not every open incident hydrated. Its read model lives
-- with the digest (over the incidents and clock tables, whose features' migrations come first), so a Warden
-- built without the digest has none of it; the reads themselves are the owning features' (incidents'
-- severity-reads.ts, notifications' openClockedIncidentsOf).

-- Its open-incident section, most severe first, then the oldest: each severity's oldest open incidents in order,
-- so the top five stop after their rows. (A query must repeat `status <> 'closed'` to use this partial index.)
CREATE INDEX incidents_open_by_severity ON incidents(severity, declared_at, id) WHERE status <> 'closed';

-- Its counts by severity without reading every open incident: one row per severity, kept by triggers on
-- incidents (as job_counts is on jobs, migration 015).
CREATE TABLE open_incident_counts (
  severity TEXT PRIMARY KEY,
  open     INTEGER NOT NULL
) STRICT;

INSERT INTO open_incident_counts (severity, open)
  SELECT severity, count(*) FROM incidents WHERE status <> 'closed' GROUP BY severity;

CREATE TRIGGER open_incident_counts_insert AFTER INSERT ON incidents WHEN NEW.status <> 'closed'
BEGIN
  INSERT INTO open_incident_counts (severity, open) VALUES (NEW.severity, 1)
    ON CONFLICT(severity) DO UPDATE SET open = open + 1;
END;

CREATE TRIGGER open_incident_counts_update AFTER UPDATE OF status, severity ON incidents
  WHEN (OLD.status <> 'closed') IS NOT (NEW.status <> 'closed') OR OLD.severity IS NOT NEW.severity
BEGIN
  UPDATE open_incident_counts SET open = open - 1 WHERE OLD.status <> 'closed' AND severity = OLD.severity;
  INSERT INTO open_incident_counts (severity, open) SELECT NEW.severity, 1 WHERE NEW.status <> 'closed'
    ON CONFLICT(severity) DO UPDATE SET open = open + 1;
END;

CREATE TRIGGER open_incident_counts_delete AFTER DELETE ON incidents WHEN OLD.status <> 'closed'
BEGIN
  UPDATE open_incident_counts SET open = open - 1 WHERE severity = OLD.severity;
END;

-- Its legal-deadline section: only an incident with a recorded clock event can have a running deadline, so the
-- digest reads the open incidents that have one. Each clock event carries whether its incident is open; the
-- triggers keep it (here, beside the incident status they follow), so no code path can let it drift.
ALTER TABLE clock_events ADD COLUMN incident_open INTEGER NOT NULL DEFAULT 0;

UPDATE clock_events SET incident_open =
  EXISTS (SELECT 1 FROM incidents i WHERE i.id = clock_events.incident_id AND i.status <> 'closed');

CREATE INDEX clock_events_open ON clock_events(incident_id) WHERE incident_open = 1;

CREATE TRIGGER clock_events_open_on_insert AFTER INSERT ON clock_events
BEGIN
  UPDATE clock_events SET incident_open =
    EXISTS (SELECT 1 FROM incidents WHERE id = NEW.incident_id AND status <> 'closed')
  WHERE incident_id = NEW.incident_id AND event = NEW.event;
END;

CREATE TRIGGER clock_events_open_follows_status AFTER UPDATE OF status ON incidents
BEGIN
  UPDATE clock_events SET incident_open = (NEW.status <> 'closed') WHERE incident_id = NEW.id;
END;
