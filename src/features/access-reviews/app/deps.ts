import type { FollowUpPolicy } from '../../../platform/calendar/follow-up.js';
import type { AppDeps } from '../../incidents/index.js';
import type { Cadence } from '../domain/cadence.js';
import type { ControlRecords } from './ports.js';

/** The ports of the control use cases. */
export interface ControlDeps extends AppDeps {
  controls: ControlRecords;
  /** Reminders to owners, quiet hours, working days; its calendar's zone is the company's: periods follow it. */
  followUp: FollowUpPolicy;
  /** Where overdue periods escalate; null: nowhere. */
  managersChannel: string | null;
  /** The cadence of a system added with no cadence (`sla.accessReview.every`). */
  defaultEvery: Cadence;
}

/**
 * Durable job kinds of the controls. Each carries the period it belongs to (control id and start), so one
 * left over from a period done since finds it done and does nothing.
 */
export const CONTROL_JOB_KINDS = {
  /** Opens the period starting at `start`, tells the owner, starts its reminders, queues the next opening. */
  open: 'control.open',
  /** Reminder `n` of the period's plan: queues the DM and the next reminder. */
  remind: 'control.remind',
  /** The owner's DM itself (the opening one, or a reminder): one Slack call, sent once. */
  dm: 'control.dm',
  /** A period still open after `escalateAfter` is told to the managers' channel, once per period. */
  escalate: 'control.escalate',
  escalationPost: 'control.escalation_post',
} as const;

/** Every change is audited; a control concerns no incident. */
export function audit(deps: ControlDeps, actor: string, at: Date, action: string, details: Record<string, unknown>): void {
  deps.store.audit.append({ at: at.toISOString(), actor, action, incidentId: null, details });
}
