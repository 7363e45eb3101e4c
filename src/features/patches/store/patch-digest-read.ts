import type { Db } from '../../../platform/db/db.js';
import type { PatchDigest } from '../domain/patch-digest.js';
import { PATCH_SEVERITIES, type PatchSeverity } from '../domain/patch-severity.js';

const DAY = 86_400_000;

/**
 * What the managers' digest reads, each from an index: open by severity (partial index on open findings),
 * overdue (partial index on the due time of open ones), closed in the last 30/90 days (index on the closing time).
 * A finding under an approved acceptance is not overdue.
 */
export function patchDigestRead(db: Db): (now: Date, limit: number) => PatchDigest {
  const bySeverity = db.prepare<[], { severity: PatchSeverity; n: number }>("SELECT severity, count(*) AS n FROM patch_findings INDEXED BY patch_findings_open_severity WHERE status = 'open' GROUP BY severity");
  const where = "FROM patch_findings INDEXED BY patch_findings_open_due WHERE status = 'open' AND due_at <= @now AND (accepted_until IS NULL OR accepted_until <= @now)";
  const overdue = db.prepare<{ now: string; limit: number }, { id: string; severity: PatchSeverity; owner: string; asset: string; due_at: string }>(`SELECT id, severity, owner, asset, due_at ${where} ORDER BY due_at LIMIT @limit`);
  const overdueCount = db.prepare<{ now: string }, number>(`SELECT count(*) ${where}`).pluck();
  const closed = db.prepare<[string], { closed: number; within: number | null }>("SELECT count(*) AS closed, sum(closed_within_sla) AS within FROM patch_findings INDEXED BY patch_findings_closed WHERE status = 'done' AND done_at > ?");
  const window = (now: Date, days: number) => {
    const r = closed.get(new Date(now.getTime() - days * DAY).toISOString()) as { closed: number; within: number | null };
    return { closed: r.closed, withinSla: r.within ?? 0 };
  };
  return (now, limit) => {
    const open = Object.fromEntries(PATCH_SEVERITIES.map((s) => [s, 0])) as Record<PatchSeverity, number>;
    for (const r of bySeverity.all()) open[r.severity] = r.n;
    const at = now.toISOString();
    return {
      openBySeverity: open,
      overdue: overdue.all({ now: at, limit }).map((r) => ({ id: r.id, severity: r.severity, owner: r.owner, asset: r.asset, dueAt: new Date(r.due_at) })),
      overdueTotal: overdueCount.get({ now: at }) as number,
      closedWithinSla: { days30: window(now, 30), days90: window(now, 90) },
    };
  };
}
