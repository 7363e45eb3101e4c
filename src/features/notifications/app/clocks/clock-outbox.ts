import { z } from 'zod';
import type { IncidentStore } from '../../../incidents/index.js';
import { CLOCK_JOB_KINDS } from './clock-deps.js';

// `zone`: the wall clock the stage was counted in (the entity's, for EU law); absent in messages queued before it existed.
const deadline = { regimeId: z.string(), stageId: z.string(), due: z.string(), timeLeftMs: z.number(), commsLead: z.string(), dueKind: z.string(), zone: z.string().optional() };

/** Messages of the clocks module. The payload says what happened; the Slack layer decides how it looks. */
export const clockMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('regime_suggested'), regimeId: z.string(), why: z.string() }),
  z.object({ type: z.literal('regime_applied'), regimeId: z.string(), by: z.string(), viaSuggestion: z.boolean() }),
  z.object({ type: z.literal('regime_removed'), regimeId: z.string(), by: z.string() }),
  z.object({ type: z.literal('deadline_reminder'), ...deadline }),
  z.object({ type: z.literal('deadline_overdue'), ...deadline }),
  z.object({ type: z.literal('not_notifiable'), regimeId: z.string(), stageId: z.string(), reason: z.string(), by: z.string() }),
  z.object({ type: z.literal('backstop_unknown'), regimeId: z.string(), stageId: z.string(), missing: z.string(), offset: z.string(), commsLead: z.string() }),
  z.object({ type: z.literal('submitted'), regimeId: z.string(), stageId: z.string(), reference: z.string(), by: z.string(), late: z.boolean(), noticeId: z.number().nullable() }),
]);
export type ClockMessage = z.infer<typeof clockMessageSchema>;

const clockTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('channel') }),
  z.object({ kind: z.literal('dm'), userId: z.string() }),
  z.object({ kind: z.literal('managers'), channel: z.string() }),
]);
export type ClockTarget = z.infer<typeof clockTargetSchema>;

export const clockPostPayloadSchema = z.object({ incidentId: z.string(), target: clockTargetSchema, message: clockMessageSchema });
export type ClockPostPayload = z.infer<typeof clockPostPayloadSchema>;

/** Queues one message (one Slack call). With `idemKey`, the same message is queued once, ever. */
export function enqueueClockPost(store: IncidentStore, now: Date, incidentId: string, target: ClockTarget, message: ClockMessage, idemKey?: string): void {
  const payload: ClockPostPayload = { incidentId, target, message };
  store.jobs.enqueue({ kind: CLOCK_JOB_KINDS.post, dueAt: now, payload, incidentId, ...(idemKey ? { idemKey } : {}) }, now);
}

/** Queues a refresh of the incident's deadline board (posted and pinned the first time). */
export function enqueueBoardRefresh(store: IncidentStore, now: Date, incidentId: string): void {
  store.jobs.enqueue({ kind: CLOCK_JOB_KINDS.board, dueAt: now, payload: { incidentId }, incidentId }, now);
}

export function enqueueApprovalMessage(store: IncidentStore, now: Date, incidentId: string, noticeId: number): void {
  store.jobs.enqueue({ kind: CLOCK_JOB_KINDS.approval, dueAt: now, payload: { incidentId, noticeId }, incidentId }, now);
}
