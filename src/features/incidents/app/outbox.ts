import { z } from 'zod';
import { INCIDENT_STATUSES } from '../domain/incident-model.js';
import type { IncidentStore } from './ports.js';

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
  announce: 'slack.announce',
  updateReminder: 'incident.update_reminder',
  inviteRefused: 'slack.invite_refused',
} as const;

/**
 * Fan-out job kinds that versions before domain events queued; a database upgraded with some still pending
 * hands them to the event subscribers (see `legacyFanOutJobs`), so none is lost across the upgrade.
 */
export const LEGACY_FAN_OUT_KINDS = { declared: 'incident.declared', flagsChanged: 'incident.flags_changed', changed: 'incident.changed' } as const;

const status = z.enum(INCIDENT_STATUSES);

/** Messages the Slack layer renders and posts into the incident channel (and, where flagged, the announcement thread). */
export const channelMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('status_changed'), from: status, to: status, by: z.string() }),
  z.object({ type: z.literal('severity_changed'), from: z.string(), to: z.string(), by: z.string() }),
  z.object({ type: z.literal('role_assigned'), role: z.string(), userId: z.string(), by: z.string() }),
  z.object({ type: z.literal('update'), text: z.string(), by: z.string(), status, severity: z.string() }),
  z.object({ type: z.literal('note'), text: z.string(), by: z.string() }),
  // `number` and `max` are absent from reminders queued before the cap existed.
  z.object({ type: z.literal('update_reminder'), commander: z.string(), overdueMs: z.number(), number: z.number().optional(), max: z.number().optional() }),
  z.object({ type: z.literal('text'), text: z.string() }),
]);
export type ChannelMessage = z.infer<typeof channelMessageSchema>;

export const POST_TARGETS = ['channel', 'announcement_thread'] as const;
export type PostTarget = (typeof POST_TARGETS)[number];

export const postPayloadSchema = z.object({ incidentId: z.string(), message: channelMessageSchema, target: z.enum(POST_TARGETS) });
export type PostPayload = z.infer<typeof postPayloadSchema>;

/**
 * Queues a message for the incident channel and, with `announce`, a second one for the announcement's
 * thread. One job per Slack call, so a retry never re-posts what already went out.
 */
export function enqueuePost(store: IncidentStore, now: Date, incidentId: string, message: ChannelMessage, announce = false, onceKey?: string): void {
  const targets: PostTarget[] = announce ? ['channel', 'announcement_thread'] : ['channel'];
  for (const target of targets) {
    const payload: PostPayload = { incidentId, message, target };
    // With `onceKey`, a second call with the same key queues nothing: the message goes out once.
    const idemKey = onceKey ? `post:${onceKey}:${target}` : undefined;
    store.jobs.enqueue({ kind: JOB_KINDS.post, dueAt: now, payload, incidentId, ...(idemKey ? { idemKey } : {}) }, now);
  }
}

/** An announcement posted after declaration (a private incident made public); `channelPrivate`: people must ask to join. */
export const announcePayloadSchema = z.object({ incidentId: z.string(), channelPrivate: z.boolean() });

/**
 * One App Home refresh per person, so one deactivated account cannot fail the others' refresh. `incidentId` is
 * null for a change outside incidents (an access review, a finding).
 */
export function enqueueHomeRefresh(store: Pick<IncidentStore, 'jobs'>, now: Date, incidentId: string | null, userIds: Iterable<string | null | undefined>): void {
  for (const userId of new Set([...userIds].filter((u): u is string => Boolean(u)))) {
    store.jobs.enqueue({ kind: JOB_KINDS.refreshHome, dueAt: now, payload: { userId }, ...(incidentId ? { incidentId } : {}) }, now);
  }
}

export function enqueueCardRefresh(store: IncidentStore, now: Date, incidentId: string): void {
  store.jobs.enqueue({ kind: JOB_KINDS.refreshCard, dueAt: now, payload: { incidentId }, incidentId }, now);
}
