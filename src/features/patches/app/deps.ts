import type { AppDeps } from '../../incidents/index.js';
import type { FollowUpPolicy } from '../../../platform/calendar/follow-up.js';
import type { PatchSeverity } from '../domain/patch-severity.js';
import type { PatchRecords } from './ports.js';

/** What the patch rules read of warden.yaml (`sla.patch`, `company`, `quietHours`). */
export interface PatchPolicy {
  /** How long a finding of each severity may stay open, counted from its discovery (ms). */
  slaMs: Readonly<Record<PatchSeverity, number>>;
  followUp: FollowUpPolicy;
  /** Scanner severity words (lower case) to Warden's: the built-in table with warden.yaml's entries over it. */
  scannerSeverities: Readonly<Record<string, PatchSeverity>>;
}

/** What storing findings and planning their reminders needs: enough for the CLI, which has no Slack and no access table. */
export interface PatchCore {
  store: Pick<AppDeps['store'], 'transaction' | 'audit' | 'jobs'>;
  clock: AppDeps['clock'];
  patches: PatchRecords;
  patchPolicy: PatchPolicy;
  /** Where overdue findings escalate and acceptances are asked for; null: nowhere. */
  managersChannel: string | null;
}

/** The ports of the patch use cases. */
export interface PatchDeps extends AppDeps, PatchCore {
  store: AppDeps['store'];
}

/**
 * Durable job kinds of patch findings; none is bound to an incident. Reminder jobs carry the plan they belong
 * to (`since`), so one left over from a changed severity, owner or acceptance finds itself stale.
 */
export const PATCH_JOB_KINDS = {
  remind: 'patch.remind',
  escalate: 'patch.escalate',
  /** An approved acceptance ends at its `until`: the finding is due again. */
  expire: 'patch.acceptance_expire',
  /** One DM (a reminder, an acceptance's outcome, an expiry): one Slack call, sent once. */
  dm: 'patch.dm',
  /** A message to the managers' channel (an escalation, an acceptance request), or the request updated with its decision. */
  post: 'patch.post',
} as const;

export const zoneOf = (deps: PatchCore): string => deps.patchPolicy.followUp.calendar.zone;

/** Writes one audit entry of a patch change (findings are not incidents: no timeline). */
export function audit(deps: PatchCore, actor: string, at: Date, action: string, details: Record<string, unknown>): void {
  deps.store.audit.append({ at: at.toISOString(), actor, action, incidentId: null, details });
}
