-- PagerDuty v3 webhooks: every delivery applied (by event id: a redelivery or a replay is answered and ignored),
-- and the PagerDuty incidents Warden did not start, with their announcement and, once declared, their incident.
CREATE TABLE pagerduty_deliveries (
  event_id    TEXT PRIMARY KEY,
  event_type  TEXT NOT NULL,
  received_at TEXT NOT NULL
) STRICT;

CREATE TABLE pagerduty_incidents (
  pd_incident_id       TEXT PRIMARY KEY,
  incident_id          TEXT REFERENCES incidents(id),
  title                TEXT NOT NULL,
  urgency              TEXT,
  service_name         TEXT,
  html_url             TEXT,
  dedup_key            TEXT,
  status               TEXT NOT NULL,
  announcement_channel TEXT,
  announcement_ts      TEXT,
  created_at           TEXT NOT NULL,
  updated_at           TEXT NOT NULL
) STRICT;
CREATE INDEX pagerduty_incidents_incident ON pagerduty_incidents(incident_id);
