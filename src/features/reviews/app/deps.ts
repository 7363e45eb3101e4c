import { z } from 'zod';
import type { AppDeps } from '../../incidents/index.js';
import type { ReviewPolicy } from '../domain/review-policy.js';
import type { Review, ReviewPatch } from '../domain/review.js';

/** Reviews as the use cases read and write them (store/review-repo.ts implements it over SQLite). */
export interface ReviewRecords {
  get(incidentId: string): Review | null;
  insert(review: Review): void;
  update(incidentId: string, patch: ReviewPatch): void;
  /** A person's reviews still to write, soonest due first, and how many there are in all. */
  openOwnedBy(userId: string, limit: number): { reviews: Review[]; total: number };
}

export interface ReviewDeps extends AppDeps {
  reviews: ReviewRecords;
  reviewPolicy: ReviewPolicy;
  /** Where overdue reviews escalate (a channel name or ID); null: nowhere. */
  managersChannel: string | null;
}

export const REVIEW_JOB_KINDS = {
  remind: 'reviews.remind',
  escalate: 'reviews.escalate',
  message: 'reviews.message',
} as const;

/** What happened to a review, for the Slack layer to say; it renders from the review as it is when the message goes out. */
export const REVIEW_EVENTS = ['scheduled', 'owner_changed', 'meeting', 'done', 'waived', 'paused', 'resumed', 'reminder', 'escalation'] as const;
export type ReviewEvent = (typeof REVIEW_EVENTS)[number];

export const reviewMessageSchema = z.object({
  incidentId: z.string(),
  to: z.enum(['channel', 'owner', 'managers']),
  event: z.enum(REVIEW_EVENTS),
  by: z.string().optional(),
  /** For reminders: whether it comes before the due time, at it, or once overdue. */
  reminder: z.object({ kind: z.enum(['before', 'due', 'overdue']) }).optional(),
});
export type ReviewMessage = z.infer<typeof reviewMessageSchema>;

/** A reminder job names the plan it belongs to: a job of an older plan (the due time moved) does nothing. */
export const reminderPayloadSchema = z.object({ incidentId: z.string(), n: z.number().int().min(0), planSince: z.string() });
export type ReminderPayload = z.infer<typeof reminderPayloadSchema>;
