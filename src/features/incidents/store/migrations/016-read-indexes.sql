-- Reads a person triggers cost what they show (issue 15): `/incident list`, App Home, `/warden whoami` and the
-- declare duplicate check each read a page (or one row) through an index, never every open or stored incident.

-- The duplicate check: the same person's declarations of the last two minutes, not every incident ever stored.
CREATE INDEX incidents_declarer_recent ON incidents(declared_by, declared_at);

-- `/incident list` and App Home, newest first: the open public incidents in order, so a page stops after its rows.
-- (A query must repeat both terms, `status <> 'closed' AND private = 0`, for SQLite to use this partial index.)
CREATE INDEX incidents_open_public_recent ON incidents(declared_at, id) WHERE status <> 'closed' AND private = 0;

-- A person's open incidents in declaration order, without reading the closed ones or sorting all of theirs:
-- each role and each membership row carries the incident's declaration time while the incident is open (and,
-- for a membership, private), NULL otherwise. Triggers keep it, so no code path can let it drift.
ALTER TABLE incident_roles ADD COLUMN open_declared_at TEXT;
ALTER TABLE incident_members ADD COLUMN private_open_declared_at TEXT;

UPDATE incident_roles SET open_declared_at =
  (SELECT declared_at FROM incidents i WHERE i.id = incident_roles.incident_id AND i.status <> 'closed');
UPDATE incident_members SET private_open_declared_at =
  (SELECT declared_at FROM incidents i WHERE i.id = incident_members.incident_id AND i.status <> 'closed' AND i.private = 1);

CREATE INDEX incident_roles_open_by_user ON incident_roles(user_id, open_declared_at, incident_id)
  WHERE open_declared_at IS NOT NULL;
CREATE INDEX incident_members_private_open_by_user ON incident_members(user_id, private_open_declared_at, incident_id)
  WHERE private_open_declared_at IS NOT NULL;

CREATE TRIGGER incident_roles_open_on_insert AFTER INSERT ON incident_roles
BEGIN
  UPDATE incident_roles SET open_declared_at =
    (SELECT declared_at FROM incidents WHERE id = NEW.incident_id AND status <> 'closed')
  WHERE incident_id = NEW.incident_id AND role = NEW.role;
END;

CREATE TRIGGER incident_members_open_on_insert AFTER INSERT ON incident_members
BEGIN
  UPDATE incident_members SET private_open_declared_at =
    (SELECT declared_at FROM incidents WHERE id = NEW.incident_id AND status <> 'closed' AND private = 1)
  WHERE incident_id = NEW.incident_id AND user_id = NEW.user_id;
END;

CREATE TRIGGER incidents_open_follows_status AFTER UPDATE OF status, private ON incidents
BEGIN
  UPDATE incident_roles SET open_declared_at = CASE WHEN NEW.status <> 'closed' THEN NEW.declared_at END
  WHERE incident_id = NEW.id;
  UPDATE incident_members SET private_open_declared_at = CASE WHEN NEW.status <> 'closed' AND NEW.private = 1 THEN NEW.declared_at END
  WHERE incident_id = NEW.id;
END;
