import { WardenError } from '../../../platform/errors.js';
import { EVIDENCE_MAX, lengthRefusal, type Finding } from '../domain/finding.js';
import type { PatchSeverity } from '../domain/patch-severity.js';
import { closedWithinSla, dueOf, earliestKev } from '../domain/sla.js';
import { audit, zoneOf, type PatchCore, type PatchDeps } from './deps.js';
import { restartPlan } from './follow-up.js';

/** @throws WardenError('not_found') naming where findings are listed. */
export function requireFinding(deps: PatchDeps, id: string): Finding {
  const f = deps.patches.get(id);
  if (!f) throw new WardenError('not_found', `No finding ${id.slice(0, 64)}. \`/patch list all\` shows the open ones.`);
  return f;
}

/**
 * Runs `fn` in one transaction on an open finding the person may change: its owner, else a Warden manager
 * (`patch:others`). @throws WardenError for an unknown or closed finding; AccessDenied for someone else's.
 */
function changeOpen<T>(deps: PatchDeps, userId: string, id: string, fn: (f: Finding, now: Date) => T): T {
  return deps.store.transaction(() => {
    const f = requireFinding(deps, id);
    if (f.status === 'done') throw new WardenError('conflict', `${f.id} is already done; nothing was changed.`);
    if (userId !== f.owner) deps.access.require('patch:others', userId);
    return fn(f, deps.clock.now());
  });
}

/**
 * `/patch done`: closes a finding with evidence (a link, a ticket: required for an auditor), recording whether
 * it was within its SLA. Its pending reminders and escalation find it done and send nothing.
 */
export function completeFinding(deps: PatchDeps, userId: string, id: string, evidence: string): Finding {
  return changeOpen(deps, userId, id, (f, now) => {
    const problem = evidence.trim() ? lengthRefusal('evidence', evidence, EVIDENCE_MAX) : 'Say how it was fixed: the evidence (a link, a ticket, a version) is required.';
    if (problem) throw new WardenError('bad_input', problem);
    const within = closedWithinSla(now, f.dueAt);
    deps.patches.update(f.id, { status: 'done', evidence: evidence.trim(), doneBy: userId, doneAt: now, closedWithinSla: within });
    audit(deps, userId, now, 'patch.done', { id: f.id, owner: f.owner, evidence: evidence.trim(), dueAt: f.dueAt.toISOString(), withinSla: within });
    return deps.patches.get(f.id) as Finding;
  });
}

/** `/patch severity`: a new severity with a reason; the due time is recomputed from discovery and the reminders start again. */
export function changeSeverity(deps: PatchDeps, userId: string, id: string, to: PatchSeverity, reason: string): Finding {
  return changeOpen(deps, userId, id, (f, now) => {
    if (!reason.trim()) throw new WardenError('bad_input', 'Say why the severity changes: the reason is required (it goes to the audit trail).');
    if (f.severity === to) throw new WardenError('bad_input', `${f.id} is already ${to}; nothing was changed.`);
    const kev = earliestKev(f.cves, (cve) => deps.patches.kevDue(cve));
    const { dueAt, basis } = dueOf({ severity: to, discoveredAt: f.discoveredAt, kev }, { slaMs: deps.patchPolicy.slaMs, zone: zoneOf(deps) });
    const moved = restartPlan(deps, f, { severity: to, dueAt, dueBasis: basis }, now);
    audit(deps, userId, now, 'patch.severity_changed', { id: f.id, from: f.severity, to, reason: reason.trim(), dueFrom: f.dueAt.toISOString(), dueTo: dueAt.toISOString() });
    return moved;
  });
}

/** `/patch owner`: gives a finding to someone else; the reminder plan starts again for them. */
export function changeOwner(deps: PatchDeps, userId: string, id: string, to: string): Finding {
  return changeOpen(deps, userId, id, (f, now) => {
    if (f.owner === to) throw new WardenError('bad_input', `<@${to}> already owns ${f.id}; nothing was changed.`);
    const moved = restartPlan(deps, f, { owner: to }, now);
    audit(deps, userId, now, 'patch.owner_changed', { id: f.id, from: f.owner, to });
    return moved;
  });
}

/** Recomputes an open finding's due time after the KEV catalog changed; restarts its plan when it moved. Returns true when it moved. */
export function applyKev(deps: PatchCore, f: Finding, now: Date): boolean {
  const kev = earliestKev(f.cves, (cve) => deps.patches.kevDue(cve));
  const { dueAt, basis } = dueOf({ severity: f.severity, discoveredAt: f.discoveredAt, kev }, { slaMs: deps.patchPolicy.slaMs, zone: zoneOf(deps) });
  if (dueAt.getTime() === f.dueAt.getTime() && JSON.stringify(basis) === JSON.stringify(f.dueBasis)) return false;
  restartPlan(deps, f, { dueAt, dueBasis: basis }, now);
  audit(deps, 'warden', now, 'patch.due_changed', { id: f.id, from: f.dueAt.toISOString(), to: dueAt.toISOString(), basis });
  return true;
}
