-- Private incidents (issue 8, least privilege): a private incident is shown only to its members.
-- Members are the people Warden knows to be in the incident: the declarer, role holders, people invited to
-- its channel, and whoever Slack reports joining it (member_joined_channel); leaving removes them.

ALTER TABLE incidents ADD COLUMN private INTEGER NOT NULL DEFAULT 0;

CREATE TABLE incident_members (
  incident_id TEXT NOT NULL REFERENCES incidents(id),
  user_id     TEXT NOT NULL,
  since       TEXT NOT NULL,
  PRIMARY KEY (incident_id, user_id)
) STRICT;
-- "Which incidents is this person in?" (the list and App Home of one viewer).
CREATE INDEX incident_members_user ON incident_members(user_id);

-- Incidents declared before this version: their declarers and role holders were in them from the start.
INSERT OR IGNORE INTO incident_members (incident_id, user_id, since) SELECT id, declared_by, declared_at FROM incidents;
INSERT OR IGNORE INTO incident_members (incident_id, user_id, since) SELECT incident_id, user_id, assigned_at FROM incident_roles;
