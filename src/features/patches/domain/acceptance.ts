/** Risk acceptances (SOC 2 exceptions): asked by one person, decided by an approver who is not them, until a date. */

export const ACCEPTANCE_STATUSES = ['pending', 'approved', 'refused', 'expired'] as const;
export type AcceptanceStatus = (typeof ACCEPTANCE_STATUSES)[number];

export interface Acceptance {
  id: number;
  findingId: string;
  requestedBy: string;
  requestedAt: Date;
  until: Date;
  reason: string;
  status: AcceptanceStatus;
  decidedBy: string | null;
  decidedAt: Date | null;
}

/** An acceptance longer than this is a policy change, not an exception. */
export const ACCEPTANCE_MAX_MS = 366 * 86_400_000;
export const REASON_MAX = 500;

/** Why an acceptance until `until` cannot be asked for now, or null. */
export function acceptanceRefusal(until: Date, reason: string, now: Date): string | null {
  if (until.getTime() <= now.getTime()) return 'The acceptance must end in the future.';
  if (until.getTime() - now.getTime() > ACCEPTANCE_MAX_MS) return 'An acceptance lasts at most a year; ask again when it ends.';
  if (!reason.trim()) return 'Say why the risk is accepted: the reason is empty.';
  if (reason.length > REASON_MAX) return `The reason is ${reason.length} characters; keep it to ${REASON_MAX}.`;
  return null;
}

/** Why a decision cannot be taken on this acceptance now, or null: only a pending one is decided, once, before its end. */
export function decisionRefusal(a: Acceptance, now: Date): string | null {
  if (a.status !== 'pending') return `Acceptance #${a.id} of ${a.findingId} is already ${a.status}; nothing was changed.`;
  if (a.until.getTime() <= now.getTime()) return `Acceptance #${a.id} of ${a.findingId} would already have ended; ask for a new one.`;
  return null;
}
