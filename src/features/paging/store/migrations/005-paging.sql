-- Pages Warden sent to PagerDuty: one row per incident and service, keyed by the dedup key PagerDuty sees.
-- `status` is what Warden wants PagerDuty to show; `sent_status` what PagerDuty was last told (NULL: nothing yet).
CREATE TABLE pages (
  id             INTEGER PRIMARY KEY,
  incident_id    TEXT NOT NULL REFERENCES incidents(id),
  service        TEXT NOT NULL,
  dedup_key      TEXT NOT NULL UNIQUE,
  status         TEXT NOT NULL,
  sent_status    TEXT,
  message        TEXT NOT NULL DEFAULT '',
  requested_by   TEXT NOT NULL,
  requested_at   TEXT NOT NULL,
  sent_at        TEXT,
  acknowledged_at TEXT,
  resolved_at    TEXT,
  pd_incident_id TEXT,
  late_warned    INTEGER NOT NULL DEFAULT 0,
  UNIQUE (incident_id, service)
) STRICT;
CREATE INDEX pages_incident ON pages(incident_id);
CREATE INDEX pages_pd_incident ON pages(pd_incident_id);
