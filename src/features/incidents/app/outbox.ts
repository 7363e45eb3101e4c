import type { IncidentRole, IncidentStatus, Severity } from '../domain/incident-model.js';
import type { Store } from '../../../platform/db/store.js';

/**
 * Outbound work is written as jobs in the same transaction as the change that causes it, so nothing is
 * posted for a change that rolled back and nothing is lost when Slack is down or the process restarts.
 * Job kinds under `slack.` are delivered by the Slack layer; the payload says what happened, the Slack
 * layer decides how it looks.
 */
export const JOB_KINDS = {
  provision: 'slack.provision',
  refreshCard: 'slack.refresh_card',
  post: 'slack.post',
  dmRole: 'slack.dm_role',
  refreshHome: 'slack.refresh_home',
  updateReminder: 'incident.update_reminder',
  /** Fans out to every module's `onDeclared` hook (playbooks attach their checklist there). */
  declared: 'incident.declared',
  /** Fans out to every module's `onFlagsChanged` hook (playbook steps appear or leave, regimes are suggested). */
  flagsChanged: 'incident.flags_changed',
  /** Fans out to every module's `onIncidentChanged` hook after a status, severity or role change. */
  changed: 'incident.changed',
} as const;

export const INCIDENT_CHANGES = ['status', 'severity', 'role'] as const;
export type IncidentChange = (typeof INCIDENT_CHANGES)[number];

/** Tells the modules (playbooks, clocks) that the incident changed, from the transaction that changed it. */
export function enqueueIncidentChanged(store: Store, now: Date, incidentId: string, change: IncidentChange): void {
  store.jobs.enqueue({ kind: JOB_KINDS.changed, dueAt: now, payload: { incidentId, change }, incidentId }, now);
}

/** Messages the Slack layer renders and posts into the incident channel (and, where flagged, the announcement thread). */
export type ChannelMessage =
  | { type: 'status_changed'; from: IncidentStatus; to: IncidentStatus; by: string }
  | { type: 'severity_changed'; from: Severity; to: Severity; by: string }
  | { type: 'role_assigned'; role: IncidentRole; userId: string; by: string }
  | { type: 'update'; text: string; by: string; status: IncidentStatus; severity: Severity }
  | { type: 'note'; text: string; by: string }
  | { type: 'update_reminder'; commander: string; overdueMs: number }
  | { type: 'text'; text: string };

export const POST_TARGETS = ['channel', 'announcement_thread'] as const;
export type PostTarget = (typeof POST_TARGETS)[number];

export interface PostPayload extends Record<string, unknown> {
  incidentId: string;
  message: ChannelMessage;
  target: PostTarget;
}

/**
 * Queues a message for the incident channel and, with `announce`, a second one for the announcement's
 * thread. One job per Slack call, so a retry never re-posts what already went out.
 */
export function enqueuePost(store: Store, now: Date, incidentId: string, message: ChannelMessage, announce = false): void {
  const targets: PostTarget[] = announce ? ['channel', 'announcement_thread'] : ['channel'];
  for (const target of targets) {
    const payload: PostPayload = { incidentId, message, target };
    store.jobs.enqueue({ kind: JOB_KINDS.post, dueAt: now, payload, incidentId }, now);
  }
}

/** One App Home refresh per person, so one deactivated account cannot fail the others' refresh. */
export function enqueueHomeRefresh(store: Store, now: Date, incidentId: string, userIds: Iterable<string | undefined>): void {
  for (const userId of new Set([...userIds].filter((u): u is string => Boolean(u)))) {
    store.jobs.enqueue({ kind: JOB_KINDS.refreshHome, dueAt: now, payload: { userId }, incidentId }, now);
  }
}

export function enqueueCardRefresh(store: Store, now: Date, incidentId: string): void {
  store.jobs.enqueue({ kind: JOB_KINDS.refreshCard, dueAt: now, payload: { incidentId }, incidentId }, now);
}
