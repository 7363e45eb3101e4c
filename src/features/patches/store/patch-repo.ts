import type { Db } from '../../../platform/db/db.js';
import type { Acceptance, AcceptanceStatus } from '../domain/acceptance.js';
import type { Finding, FindingPatch, FindingStatus } from '../domain/finding.js';
import { identityKey } from '../domain/finding.js';
import type { KnownFinding } from '../domain/import-plan.js';
import type { PatchSeverity } from '../domain/patch-severity.js';
import type { KevEntry } from '../domain/scan-report.js';
import type { DueBasis } from '../domain/sla.js';

interface Row {
  id: string;
  advisory: string;
  package: string;
  asset: string;
  identity_key: string;
  cves: string;
  severity: string;
  owner: string;
  description: string;
  source: string | null;
  discovered_at: string;
  due_at: string;
  due_basis: string;
  status: string;
  evidence: string | null;
  done_by: string | null;
  done_at: string | null;
  closed_within_sla: number | null;
  accepted_until: string | null;
  plan_since: string;
  next_reminder: number;
  escalated_at: string | null;
  created_by: string;
  created_at: string;
}

const date = (s: string | null): Date | null => (s === null ? null : new Date(s));

const toFinding = (r: Row): Finding => ({
  id: r.id,
  advisory: r.advisory,
  package: r.package,
  asset: r.asset,
  cves: JSON.parse(r.cves) as string[],
  severity: r.severity as PatchSeverity,
  owner: r.owner,
  description: r.description,
  source: r.source,
  discoveredAt: new Date(r.discovered_at),
  dueAt: new Date(r.due_at),
  dueBasis: JSON.parse(r.due_basis) as DueBasis,
  status: r.status as FindingStatus,
  evidence: r.evidence,
  doneBy: r.done_by,
  doneAt: date(r.done_at),
  closedWithinSla: r.closed_within_sla === null ? null : r.closed_within_sla === 1,
  acceptedUntil: date(r.accepted_until),
  planSince: new Date(r.plan_since),
  nextReminder: r.next_reminder,
  escalatedAt: date(r.escalated_at),
  createdBy: r.created_by,
  createdAt: new Date(r.created_at),
});

const COLUMNS: Record<keyof FindingPatch, string> = {
  severity: 'severity',
  owner: 'owner',
  dueAt: 'due_at',
  dueBasis: 'due_basis',
  status: 'status',
  evidence: 'evidence',
  doneBy: 'done_by',
  doneAt: 'done_at',
  closedWithinSla: 'closed_within_sla',
  acceptedUntil: 'accepted_until',
  planSince: 'plan_since',
  nextReminder: 'next_reminder',
  escalatedAt: 'escalated_at',
};

const value = (v: unknown): unknown => (v instanceof Date ? v.toISOString() : typeof v === 'boolean' ? Number(v) : v !== null && typeof v === 'object' ? JSON.stringify(v) : v);

interface AcceptanceRow {
  id: number;
  finding_id: string;
  requested_by: string;
  requested_at: string;
  until: string;
  reason: string;
  status: string;
  decided_by: string | null;
  decided_at: string | null;
}

const toAcceptance = (r: AcceptanceRow): Acceptance => ({
  id: r.id,
  findingId: r.finding_id,
  requestedBy: r.requested_by,
  requestedAt: new Date(r.requested_at),
  until: new Date(r.until),
  reason: r.reason,
  status: r.status as AcceptanceStatus,
  decidedBy: r.decided_by,
  decidedAt: date(r.decided_at),
});

/** Findings, acceptances and the KEV catalog over SQLite: prepared statements, plain objects out. */
export function patchRepo(db: Db) {
  const get = db.prepare<[string], Row>('SELECT * FROM patch_findings WHERE id = ?');
  const byKey = db.prepare<[string], Row>('SELECT * FROM patch_findings WHERE identity_key = ?');
  const insert = db.prepare(`INSERT INTO patch_findings (id, advisory, package, asset, identity_key, cves, severity, owner, description, source, discovered_at, due_at, due_basis, status, plan_since, next_reminder, created_by, created_at)
    VALUES (@id, @advisory, @package, @asset, @key, @cves, @severity, @owner, @description, @source, @discoveredAt, @dueAt, @dueBasis, 'open', @planSince, 0, @createdBy, @createdAt)`);
  const openOfAsset = db.prepare<[string], Row>("SELECT * FROM patch_findings WHERE status = 'open' AND asset = ? COLLATE NOCASE");
  const openOwned = db.prepare<[string, number], Row>("SELECT * FROM patch_findings WHERE status = 'open' AND owner = ? ORDER BY due_at LIMIT ?");
  const openAll = db.prepare<[number], Row>("SELECT * FROM patch_findings WHERE status = 'open' ORDER BY due_at LIMIT ?");
  const overdue = db.prepare<{ now: string; limit: number }, Row>("SELECT * FROM patch_findings WHERE status = 'open' AND due_at <= @now AND (accepted_until IS NULL OR accepted_until <= @now) ORDER BY due_at LIMIT @limit");
  const withCves = db.prepare<[], Row>("SELECT * FROM patch_findings WHERE status = 'open' AND cves <> '[]'");
  const kevGet = db.prepare<[string], { due_date: string }>('SELECT due_date FROM patch_kev_entries WHERE cve_id = ?');
  const kevPut = db.prepare('INSERT INTO patch_kev_entries (cve_id, date_added, due_date, name) VALUES (?, ?, ?, ?) ON CONFLICT(cve_id) DO UPDATE SET date_added = excluded.date_added, due_date = excluded.due_date, name = excluded.name');
  const accInsert = db.prepare('INSERT INTO patch_acceptances (finding_id, requested_by, requested_at, until, reason, status) VALUES (?, ?, ?, ?, ?, ?)');
  const accGet = db.prepare<[number], AcceptanceRow>('SELECT * FROM patch_acceptances WHERE id = ?');
  const accOf = db.prepare<[string], AcceptanceRow>('SELECT * FROM patch_acceptances WHERE finding_id = ? ORDER BY id');
  const accDecide = db.prepare("UPDATE patch_acceptances SET status = ?, decided_by = coalesce(?, decided_by), decided_at = coalesce(?, decided_at) WHERE id = ?");
  const one = (r: Row | undefined) => (r ? toFinding(r) : null);
  return {
    get: (id: string): Finding | null => one(get.get(id)),
    byIdentity: (key: string): Finding | null => one(byKey.get(key)),
    insert(f: Omit<Finding, 'status' | 'evidence' | 'doneBy' | 'doneAt' | 'closedWithinSla' | 'acceptedUntil' | 'nextReminder' | 'escalatedAt'>): void {
      insert.run({ ...f, key: identityKey(f.advisory, f.package, f.asset), cves: JSON.stringify(f.cves), discoveredAt: f.discoveredAt.toISOString(), dueAt: f.dueAt.toISOString(), dueBasis: JSON.stringify(f.dueBasis), planSince: f.planSince.toISOString(), createdAt: f.createdAt.toISOString() });
    },
    update(id: string, patch: FindingPatch): void {
      const entries = Object.entries(patch).filter(([, v]) => v !== undefined) as [keyof FindingPatch, unknown][];
      if (entries.length === 0) return;
      const sets = entries.map(([k]) => `${COLUMNS[k]} = @${k}`).join(', ');
      db.prepare(`UPDATE patch_findings SET ${sets} WHERE id = @id`).run({ ...Object.fromEntries(entries.map(([k, v]) => [k, value(v)])), id });
    },
    /** The open findings of these assets, as an import compares them. */
    openOfAssets: (assets: readonly string[]): KnownFinding[] =>
      assets.flatMap((a) => openOfAsset.all(a)).map((r) => ({ id: r.id, key: r.identity_key, asset: r.asset, source: r.source, status: r.status as FindingStatus })),
    openOwnedBy: (owner: string, limit: number): Finding[] => openOwned.all(owner, limit).map(toFinding),
    open: (limit: number): Finding[] => openAll.all(limit).map(toFinding),
    /** Open, not under an acceptance, due at or before `now`: most overdue first. */
    overdue: (now: Date, limit: number): Finding[] => overdue.all({ now: now.toISOString(), limit }).map(toFinding),
    openWithCves: (): Finding[] => withCves.all().map(toFinding),
    kevDue: (cve: string): { dueDate: string } | null => {
      const r = kevGet.get(cve);
      return r ? { dueDate: r.due_date } : null;
    },
    putKev: (e: KevEntry): void => void kevPut.run(e.cveId.toUpperCase(), e.dateAdded, e.dueDate, e.vulnerabilityName),
    addAcceptance: (a: Omit<Acceptance, 'id' | 'status' | 'decidedBy' | 'decidedAt'>): number => Number(accInsert.run(a.findingId, a.requestedBy, a.requestedAt.toISOString(), a.until.toISOString(), a.reason, 'pending').lastInsertRowid),
    acceptance: (id: number): Acceptance | null => {
      const r = accGet.get(id);
      return r ? toAcceptance(r) : null;
    },
    acceptancesOf: (findingId: string): Acceptance[] => accOf.all(findingId).map(toAcceptance),
    setAcceptance: (id: number, status: AcceptanceStatus, by: string | null, at: Date | null): void => void accDecide.run(status, by, at ? at.toISOString() : null, id),
  };
}

