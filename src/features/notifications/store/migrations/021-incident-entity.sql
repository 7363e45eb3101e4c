-- The legal entity an incident's deadlines are computed for (issue 13): its type, Member State and zone decide relief
-- and calendars. None chosen: the first of company.entities, and the board says so when there are several.
CREATE TABLE incident_entities (
  incident_id TEXT PRIMARY KEY REFERENCES incidents(id),
  entity      TEXT NOT NULL,
  chosen_by   TEXT NOT NULL,
  chosen_at   TEXT NOT NULL
) STRICT;
