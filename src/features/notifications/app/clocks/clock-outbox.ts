import type { Store } from '../../../incidents/index.js';
import { CLOCK_JOB_KINDS } from './clock-deps.js';

/** Messages of the clocks module. The payload says what happened; the Slack layer decides how it looks. */
/** The `type` of every clock message, checked when a queued post is delivered. */
export const CLOCK_MESSAGE_TYPES = ['regime_suggested', 'regime_applied', 'regime_removed', 'deadline_reminder', 'deadline_overdue', 'not_notifiable', 'submitted'] as const;

export type ClockMessage =
  | { type: 'regime_suggested'; regimeId: string; why: string }
  | { type: 'regime_applied'; regimeId: string; by: string; viaSuggestion: boolean }
  | { type: 'regime_removed'; regimeId: string; by: string }
  | { type: 'deadline_reminder'; regimeId: string; stageId: string; due: string; timeLeftMs: number; commsLead: string; dueKind: string }
  | { type: 'deadline_overdue'; regimeId: string; stageId: string; due: string; timeLeftMs: number; commsLead: string; dueKind: string }
  | { type: 'not_notifiable'; regimeId: string; stageId: string; reason: string; by: string }
  | { type: 'submitted'; regimeId: string; stageId: string; reference: string; by: string; late: boolean; noticeId: number | null };

export type ClockTarget = { kind: 'channel' } | { kind: 'dm'; userId: string } | { kind: 'managers'; channel: string };

export interface ClockPostPayload extends Record<string, unknown> {
  incidentId: string;
  target: ClockTarget;
  message: ClockMessage;
}

/** Queues one message (one Slack call). With `idemKey`, the same message is queued once, ever. */
export function enqueueClockPost(store: Store, now: Date, incidentId: string, target: ClockTarget, message: ClockMessage, idemKey?: string): void {
  const payload: ClockPostPayload = { incidentId, target, message };
  store.jobs.enqueue({ kind: CLOCK_JOB_KINDS.post, dueAt: now, payload, incidentId, ...(idemKey ? { idemKey } : {}) }, now);
}

/** Queues a refresh of the incident's deadline board (posted and pinned the first time). */
export function enqueueBoardRefresh(store: Store, now: Date, incidentId: string): void {
  store.jobs.enqueue({ kind: CLOCK_JOB_KINDS.board, dueAt: now, payload: { incidentId }, incidentId }, now);
}

export function enqueueApprovalMessage(store: Store, now: Date, incidentId: string, noticeId: number): void {
  store.jobs.enqueue({ kind: CLOCK_JOB_KINDS.approval, dueAt: now, payload: { incidentId, noticeId }, incidentId }, now);
}
