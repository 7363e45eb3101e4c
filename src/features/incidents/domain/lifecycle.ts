import { WardenError } from '../../../platform/errors.js';
import type { DomainEvents } from '../../../platform/events.js';
import type { Incident } from './incident.js';
import type { IncidentStatus } from './incident-model.js';
import './events.js';

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

/** What a status move changes on the incident and the events it causes; the use case saves and publishes them. */
export interface StatusMove {
  change: StatusChange;
  patch: Partial<Pick<Incident, 'status' | 'resolvedAt' | 'closedAt'>>;
  events: { name: 'incident.status_changed'; event: DomainEvents['incident.status_changed'] }[];
}

/** Decides a status move of `incident` by `by` at `at` (refused as `transition` refuses). */
export function moveStatus(incident: Pick<Incident, 'id' | 'status'>, to: IncidentStatus, by: string, at: Date): StatusMove {
  const change = transition(incident.status, to, at);
  const patch: StatusMove['patch'] = { status: to };
  if (to === 'resolved') patch.resolvedAt = at;
  if (to === 'closed') patch.closedAt = at;
  if (change.reopens) patch.resolvedAt = null;
  return { change, patch, events: [{ name: 'incident.status_changed', event: { incidentId: incident.id, from: change.from, to, by } }] };
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
