import { z } from 'zod';
import type { IncidentStore } from '../../incidents/index.js';
import { PD_CHANGES, type PdChange } from '../domain/pd-incident.js';

/** What the webhook queues for Slack; the Slack layer (slack/inbound-parts.ts) renders and posts. */
export const INBOUND_JOB_KINDS = {
  announce: 'paging.announce_pd_incident',
  refreshAnnouncement: 'paging.refresh_pd_announcement',
  post: 'paging.post_pd_change',
} as const;

export const pdIncidentPayload = z.object({ pdIncidentId: z.string() });

export const changePostPayload = z.object({
  incidentId: z.string(),
  pdIncidentId: z.string(),
  change: z.enum(PD_CHANGES),
  agent: z.string().nullable(),
  assignees: z.array(z.string()),
  htmlUrl: z.string().nullable(),
});
export type ChangePost = z.infer<typeof changePostPayload>;

/** The announcement of a PagerDuty incident, once per incident whatever the redeliveries. */
export function enqueueAnnouncement(store: IncidentStore, now: Date, pdIncidentId: string): void {
  store.jobs.enqueue({ kind: INBOUND_JOB_KINDS.announce, dueAt: now, payload: { pdIncidentId }, idemKey: `${INBOUND_JOB_KINDS.announce}:${pdIncidentId}` }, now);
}

/** Redraws the announcement from the stored state (declared, acknowledged, resolved); `reason` keeps one per change. */
export function enqueueAnnouncementRefresh(store: IncidentStore, now: Date, pdIncidentId: string, reason: string): void {
  const idemKey = `${INBOUND_JOB_KINDS.refreshAnnouncement}:${pdIncidentId}:${reason}`;
  store.jobs.enqueue({ kind: INBOUND_JOB_KINDS.refreshAnnouncement, dueAt: now, payload: { pdIncidentId }, idemKey }, now);
}

/** One post in the incident channel per PagerDuty event. */
export function enqueueChangePost(store: IncidentStore, now: Date, eventId: string, post: ChangePost): void {
  store.jobs.enqueue({ kind: INBOUND_JOB_KINDS.post, dueAt: now, payload: post, idemKey: `${INBOUND_JOB_KINDS.post}:${eventId}`, incidentId: post.incidentId }, now);
}

export type { PdChange };
