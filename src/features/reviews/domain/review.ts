/**
 * A post-incident review: scheduled when the incident resolves (at the severities that have one), owned by
 * one person, and finished by being done (with a link to the written review) or waived by an approver who
 * is not its owner. Pure rules: no clock, no I/O.
 */
import { WardenError } from '../../../platform/errors.js';
import { endOfWorkingDays } from '../../../platform/calendar/working-days.js';
import type { ReviewPolicy } from './review-policy.js';

export const REVIEW_STATUSES = ['scheduled', 'paused', 'done', 'waived'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export interface Review {
  incidentId: string;
  status: ReviewStatus;
  drill: boolean;
  owner: string;
  dueAt: Date;
  /** When the review meeting takes place, once someone scheduled it. */
  meetingAt: Date | null;
  link: string | null;
  waiveReason: string | null;
  /** Who recorded it done or waived it, and when. */
  decidedBy: string | null;
  decidedAt: Date | null;
  /** When the due time (and so the reminder plan) was last set. */
  planSince: Date;
  /** The number of the next reminder of the plan to send. */
  nextReminder: number;
  escalatedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export type ReviewPatch = Partial<Omit<Review, 'incidentId' | 'createdAt'>>;

/** The end of the N-th business day after resolution for the severity, or null when it has no review. */
export function reviewDueAt(resolvedAt: Date, severity: string, policy: Pick<ReviewPolicy, 'dueWithinDays' | 'calendar'>): Date | null {
  const days = policy.dueWithinDays[severity];
  return days === undefined ? null : endOfWorkingDays(resolvedAt, days, policy.calendar);
}

export const isFinished = (r: Pick<Review, 'status'>): boolean => r.status === 'done' || r.status === 'waived';

/** Refuses a change to a review that is already done or waived, saying which. */
export function refuseIfFinished(r: Review): void {
  if (r.status === 'done') throw new WardenError('refused_transition', `The review of ${r.incidentId} is already done${r.link ? ` (${r.link})` : ''}.`);
  if (r.status === 'waived') throw new WardenError('refused_transition', `The review of ${r.incidentId} was waived: ${r.waiveReason ?? ''}`.trim());
}

const MAX_LINK = 500;
const MAX_REASON = 500;

/** The link to the written review: an http(s) URL of sane length. */
export function reviewLink(text: string): string {
  // Slack may send a link as `<https://…>` or, with its label, `<https://…|label>`.
  const link = text.trim().replace(/^<([^|>]+)(?:\|[^>]*)?>$/, '$1');
  if (link === '') throw new WardenError('bad_input', 'Give the link to the written review: `/incident pir done https://wiki.example.com/reviews/INC-2026-0042`.');
  if (link.length > MAX_LINK) throw new WardenError('bad_input', `The link is ${link.length} characters; keep it under ${MAX_LINK}.`);
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    throw new WardenError('bad_input', 'That is not a link: give the address of the written review, starting with https://.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new WardenError('bad_input', 'The link must start with https:// (or http://).');
  return url.toString();
}

/** Why a review is waived: required, and short enough for the audit trail and a Slack line. */
export function waiveReason(text: string): string {
  const reason = text.trim();
  if (reason === '') throw new WardenError('bad_input', 'Say why the review is waived: `/incident pir waive &lt;reason&gt;` (it goes in the audit trail).');
  if (reason.length > MAX_REASON) throw new WardenError('bad_input', `The reason is ${reason.length} characters; keep it under ${MAX_REASON}.`);
  return reason;
}

/** Four eyes: the review's owner never waives their own review. */
export function refuseOwnWaiver(r: Review, by: string): void {
  if (r.owner === by) throw new WardenError('not_allowed', `You own the review of ${r.incidentId}: another approver must waive it.`);
}

/**
 * Why closing is refused, or null when it may close: with `requiredToClose`, an incident that has a review
 * closes only once the review is done or waived.
 */
export function closeRefusal(r: Review | null, requiredToClose: boolean): string | null {
  if (!requiredToClose || r === null || isFinished(r)) return null;
  return `${r.incidentId} cannot close before its post-incident review is done or waived: \`/incident pir done &lt;link&gt;\` (its owner or the commander), or \`/incident pir waive &lt;reason&gt;\` (an approver).`;
}
