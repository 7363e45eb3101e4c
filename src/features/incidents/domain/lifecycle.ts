import { WardenError } from '../../../platform/errors.js';
import type { IncidentStatus } from './incident-model.js';

/** The one table of allowed status moves. Everything that changes an incident's status asks it. */
export const TRANSITIONS: Readonly<Record<IncidentStatus, readonly IncidentStatus[]>> = {
  investigating: ['identified', 'monitoring', 'resolved'],
  identified: ['investigating', 'monitoring', 'resolved'],
  monitoring: ['investigating', 'identified', 'resolved'],
  resolved: ['closed', 'investigating'],
  closed: [],
};

/** Statuses in which the response is still running: reminders and nags apply only here. */
export const ACTIVE_STATUSES: readonly IncidentStatus[] = ['investigating', 'identified', 'monitoring'];

export const isActive = (status: IncidentStatus): boolean => ACTIVE_STATUSES.includes(status);

export interface StatusChange {
  from: IncidentStatus;
  to: IncidentStatus;
  at: Date;
  /** Set when the move ends the active response (reminders must be cancelled). */
  endsResponse: boolean;
  /** Set when a resolved incident is reopened. */
  reopens: boolean;
}

/**
 * Checks a status move against the table. A refused move throws a `refused_transition` error whose
 * message says why and which moves are allowed from here.
 */
export function transition(from: IncidentStatus, to: IncidentStatus, at: Date): StatusChange {
  if (from === to) {
    throw new WardenError('refused_transition', `The incident is already *${to}*.${allowedHint(from)}`);
  }
  if (!TRANSITIONS[from].includes(to)) {
    const why = from === 'closed' ? 'A closed incident is final.' : `An incident cannot move from *${from}* to *${to}*.`;
    throw new WardenError('refused_transition', `${why}${allowedHint(from)}`, { from, to });
  }
  return { from, to, at, endsResponse: isActive(from) && !isActive(to), reopens: from === 'resolved' && isActive(to) };
}

function allowedHint(from: IncidentStatus): string {
  const allowed = TRANSITIONS[from];
  return allowed.length === 0 ? '' : ` Allowed from *${from}*: ${allowed.join(', ')}.`;
}

/**
 * The one refusal of a change to a closed incident (a closed incident is final): every use case that changes
 * one calls this before it writes. `consequence` says what can no longer change ("its flags are final.").
 */
export function refuseIfClosed(incident: { id: string; status: IncidentStatus }, consequence?: string): void {
  if (incident.status !== 'closed') return;
  throw new WardenError('refused_transition', consequence ? `${incident.id} is closed; ${consequence}` : `${incident.id} is closed.`);
}
