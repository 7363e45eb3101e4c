-- Patch SLAs: findings with an owner and a due time from their severity, risk acceptances, CISA's KEV catalog.
CREATE TABLE patch_findings (
  -- As typed for `/patch add`, or `P-` and a short hash of the identity for an import.
  id                 TEXT NOT NULL PRIMARY KEY COLLATE NOCASE,
  advisory           TEXT NOT NULL,
  -- '' when there is none (added by hand, a code-scanning rule): the identity below must not hold a NULL.
  package            TEXT NOT NULL,
  asset              TEXT NOT NULL,
  -- advisory + package + asset, case-folded: a re-import finds the same finding.
  identity_key       TEXT NOT NULL UNIQUE,
  cves               TEXT NOT NULL DEFAULT '[]',
  severity           TEXT NOT NULL CHECK (severity IN ('critical', 'high', 'medium', 'low')),
  owner              TEXT NOT NULL,
  description        TEXT NOT NULL,
  source             TEXT,
  discovered_at      TEXT NOT NULL,
  due_at             TEXT NOT NULL,
  -- Why it is due then: {"kind":"sla"} or a KEV entry (kev-critical, kev-date).
  due_basis          TEXT NOT NULL DEFAULT '{"kind":"sla"}',
  status             TEXT NOT NULL CHECK (status IN ('open', 'done')),
  evidence           TEXT,
  done_by            TEXT,
  done_at            TEXT,
  closed_within_sla  INTEGER CHECK (closed_within_sla IN (0, 1)),
  accepted_until     TEXT,
  plan_since         TEXT NOT NULL,
  next_reminder      INTEGER NOT NULL DEFAULT 0,
  escalated_at       TEXT,
  created_by         TEXT NOT NULL,
  created_at         TEXT NOT NULL
) STRICT;
-- The digest counts open findings by severity; `list mine` reads a person's open ones.
CREATE INDEX patch_findings_open_severity ON patch_findings(severity) WHERE status = 'open';
CREATE INDEX patch_findings_open_owner ON patch_findings(owner, due_at) WHERE status = 'open';
-- The digest and `list overdue` read open findings by due time.
CREATE INDEX patch_findings_open_due ON patch_findings(due_at) WHERE status = 'open';
-- Closed in the last 30/90 days.
CREATE INDEX patch_findings_closed ON patch_findings(done_at) WHERE status = 'done';
-- An import lists the open findings of its assets that it no longer sees.
CREATE INDEX patch_findings_open_asset ON patch_findings(asset COLLATE NOCASE) WHERE status = 'open';

CREATE TABLE patch_acceptances (
  id            INTEGER PRIMARY KEY,
  finding_id    TEXT NOT NULL REFERENCES patch_findings(id),
  requested_by  TEXT NOT NULL,
  requested_at  TEXT NOT NULL,
  until         TEXT NOT NULL,
  reason        TEXT NOT NULL,
  status        TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'refused', 'expired')),
  decided_by    TEXT,
  decided_at    TEXT
) STRICT;
CREATE INDEX patch_acceptances_finding ON patch_acceptances(finding_id);

-- CISA's Known Exploited Vulnerabilities, as last imported.
CREATE TABLE patch_kev_entries (
  cve_id      TEXT NOT NULL PRIMARY KEY COLLATE NOCASE,
  date_added  TEXT NOT NULL,
  due_date    TEXT NOT NULL,
  name        TEXT NOT NULL
) STRICT;
