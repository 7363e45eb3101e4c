-- Drills are left out of every figure (issue 13): the digest's open-incident counts (migration 017) count real
-- incidents by severity and drills apart, so the section can say how many drills are open without counting them.
-- A drill is an incident with the drill flag, or of type `drill` (rows declared `--type drill` before the type set
-- the flag too). The triggers follow a change of status, severity, flag or type, so no code path can let it drift.
DROP TRIGGER open_incident_counts_insert;
DROP TRIGGER open_incident_counts_update;
DROP TRIGGER open_incident_counts_delete;
DROP TABLE open_incident_counts;

CREATE TABLE open_incident_counts (
  severity TEXT    NOT NULL,
  drill    INTEGER NOT NULL CHECK (drill IN (0, 1)),
  open     INTEGER NOT NULL,
  PRIMARY KEY (severity, drill)
) STRICT;

INSERT INTO open_incident_counts (severity, drill, open)
  SELECT severity, (drill = 1 OR type = 'drill'), count(*) FROM incidents WHERE status <> 'closed'
  GROUP BY severity, (drill = 1 OR type = 'drill');

CREATE TRIGGER open_incident_counts_insert AFTER INSERT ON incidents WHEN NEW.status <> 'closed'
BEGIN
  INSERT INTO open_incident_counts (severity, drill, open) VALUES (NEW.severity, (NEW.drill = 1 OR NEW.type = 'drill'), 1)
    ON CONFLICT(severity, drill) DO UPDATE SET open = open + 1;
END;

CREATE TRIGGER open_incident_counts_update AFTER UPDATE OF status, severity, drill, type ON incidents
  WHEN (OLD.status <> 'closed') IS NOT (NEW.status <> 'closed') OR OLD.severity IS NOT NEW.severity
    OR (OLD.drill = 1 OR OLD.type = 'drill') IS NOT (NEW.drill = 1 OR NEW.type = 'drill')
BEGIN
  UPDATE open_incident_counts SET open = open - 1
    WHERE OLD.status <> 'closed' AND severity = OLD.severity AND drill = (OLD.drill = 1 OR OLD.type = 'drill');
  INSERT INTO open_incident_counts (severity, drill, open)
    SELECT NEW.severity, (NEW.drill = 1 OR NEW.type = 'drill'), 1 WHERE NEW.status <> 'closed'
    ON CONFLICT(severity, drill) DO UPDATE SET open = open + 1;
END;

CREATE TRIGGER open_incident_counts_delete AFTER DELETE ON incidents WHEN OLD.status <> 'closed'
BEGIN
  UPDATE open_incident_counts SET open = open - 1 WHERE severity = OLD.severity AND drill = (OLD.drill = 1 OR OLD.type = 'drill');
END;
