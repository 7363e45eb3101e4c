import { AccessDenied } from '../../access/index.js';
import { WardenError } from '../../../platform/errors.js';
import { acceptanceRefusal, decisionRefusal, type Acceptance } from '../domain/acceptance.js';
import { endOfLocalDate } from '../domain/sla.js';
import { audit, PATCH_JOB_KINDS, zoneOf, type PatchDeps } from './deps.js';
import { restartPlan } from './follow-up.js';
import { requireFinding } from './change-finding.js';

/**
 * `/patch accept <id> <until> <reason>`: asks for a risk acceptance (an exception) until the end of a company-zone
 * date. Its owner may ask, or a Warden manager. The approvers are asked in the managers' channel; nothing pauses
 * until one approves. @throws WardenError for a bad date or reason, a closed finding, one already asked for.
 */
export function requestAcceptance(deps: PatchDeps, userId: string, id: string, untilTyped: string, reason: string): Acceptance {
  return deps.store.transaction(() => {
    const f = requireFinding(deps, id);
    if (f.status === 'done') throw new WardenError('conflict', `${f.id} is already done; there is no risk left to accept.`);
    if (userId !== f.owner) deps.access.require('patch:others', userId);
    const channel = deps.managersChannel;
    if (!channel) throw new WardenError('conflict', "No managers' channel is configured (channels.managers in warden.yaml): there is nowhere to ask the approvers. Nothing was asked.");
    if (!/^\d{4}-\d{2}-\d{2}$/.test(untilTyped)) throw new WardenError('bad_input', `\`${untilTyped.slice(0, 40)}\` is not an end date: YYYY-MM-DD (the acceptance lasts to the end of that day in ${zoneOf(deps)}).`);
    const now = deps.clock.now();
    const until = endOfLocalDate(untilTyped, zoneOf(deps));
    const problem = acceptanceRefusal(until, reason, now);
    if (problem) throw new WardenError('bad_input', problem);
    const open = deps.patches.acceptancesOf(f.id).find((a) => a.status === 'pending' || (a.status === 'approved' && a.until.getTime() > now.getTime()));
    if (open) throw new WardenError('conflict', `${f.id} already has acceptance #${open.id} (${open.status}); nothing was asked.`);
    const acceptanceId = deps.patches.addAcceptance({ findingId: f.id, requestedBy: userId, requestedAt: now, until, reason: reason.trim() });
    audit(deps, userId, now, 'patch.acceptance_requested', { id: f.id, acceptance: acceptanceId, until: until.toISOString(), reason: reason.trim() });
    deps.store.jobs.enqueue({ kind: PATCH_JOB_KINDS.post, dueAt: now, payload: { type: 'acceptance_request', acceptanceId, channel }, idemKey: `patch-acceptance-request:${acceptanceId}` }, now);
    return deps.patches.acceptance(acceptanceId) as Acceptance;
  });
}

/** Where the request message is, so its buttons can be replaced by the decision. */
export interface RequestMessage {
  channel: string;
  ts: string;
}

/**
 * An approver approves or refuses; never the one who asked (four eyes), even when they are an approver.
 * Approved: the finding's reminders pause until the acceptance ends, when a durable job makes it due again.
 * Either way it is audited, the requester is told by DM and the request shows the decision.
 */
export function decideAcceptance(deps: PatchDeps, userId: string, acceptanceId: number, approve: boolean, message: RequestMessage | null): Acceptance {
  return deps.store.transaction(() => {
    const a = deps.patches.acceptance(acceptanceId);
    if (!a) throw new WardenError('not_found', `No risk acceptance #${acceptanceId}.`);
    deps.access.require('patch:approve', userId);
    if (userId === a.requestedBy) {
      throw new AccessDenied({ permission: 'patch:approve', userId, incidentId: null, needs: 'someone other than who asked for it' }, `You asked for acceptance #${a.id} of ${a.findingId}: another approver must decide it (four eyes).`);
    }
    const now = deps.clock.now();
    const problem = decisionRefusal(a, now);
    if (problem) throw new WardenError('conflict', problem);
    const outcome = approve ? 'approved' : 'refused';
    deps.patches.setAcceptance(a.id, outcome, userId, now);
    audit(deps, userId, now, `patch.acceptance_${outcome}`, { id: a.findingId, acceptance: a.id, requestedBy: a.requestedBy, until: a.until.toISOString(), reason: a.reason });
    if (approve) {
      const f = requireFinding(deps, a.findingId);
      if (f.status === 'open') restartPlan(deps, f, { acceptedUntil: a.until }, now);
      deps.store.jobs.enqueue({ kind: PATCH_JOB_KINDS.expire, dueAt: a.until, payload: { acceptanceId: a.id }, idemKey: `patch-acceptance-expire:${a.id}` }, now);
    }
    deps.store.jobs.enqueue({ kind: PATCH_JOB_KINDS.dm, dueAt: now, payload: { type: 'acceptance', acceptanceId: a.id, outcome, to: a.requestedBy }, idemKey: `patch-acceptance-dm:${a.id}:${outcome}` }, now);
    if (message) deps.store.jobs.enqueue({ kind: PATCH_JOB_KINDS.post, dueAt: now, payload: { type: 'acceptance_decided', acceptanceId: a.id, ...message }, idemKey: `patch-acceptance-decided:${a.id}` }, now);
    return deps.patches.acceptance(a.id) as Acceptance;
  });
}

/**
 * At its end an approved acceptance expires (audited): the finding is due again, overdue at once when its due
 * time has passed, and its reminders resume on a new plan; the owner is told by DM.
 */
export function expireAcceptance(deps: PatchDeps, acceptanceId: number): void {
  deps.store.transaction(() => {
    const a = deps.patches.acceptance(acceptanceId);
    const now = deps.clock.now();
    if (!a || a.status !== 'approved' || a.until.getTime() > now.getTime()) return;
    deps.patches.setAcceptance(a.id, 'expired', null, null);
    const f = requireFinding(deps, a.findingId);
    audit(deps, 'warden', now, 'patch.acceptance_expired', { id: f.id, acceptance: a.id, until: a.until.toISOString(), dueAt: f.dueAt.toISOString(), overdue: f.status === 'open' && f.dueAt.getTime() <= now.getTime() });
    if (f.status !== 'open') return;
    restartPlan(deps, f, { acceptedUntil: null }, now);
    deps.store.jobs.enqueue({ kind: PATCH_JOB_KINDS.dm, dueAt: now, payload: { type: 'acceptance', acceptanceId: a.id, outcome: 'expired', to: f.owner }, idemKey: `patch-acceptance-dm:${a.id}:expired` }, now);
  });
}
