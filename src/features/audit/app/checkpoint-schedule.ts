import { z } from 'zod';

export const CHECKPOINT_JOB_KINDS = { sign: 'audit.checkpoint', post: 'audit.checkpoint.post' } as const;

const HOUR_MS = 3_600_000;
const instant = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'expected an ISO instant');
export const signPayload = z.object({ slot: instant });
export const postPayload = z.object({ line: z.string(), count: z.number().int().nonnegative(), at: instant, key: z.string() });

/** The next full hour after `now`: the checkpoint slots are the same whatever the restarts. */
export function nextSlot(now: Date): Date {
  return new Date((Math.floor(now.getTime() / HOUR_MS) + 1) * HOUR_MS);
}

/** The sign job of one slot: its idempotency key makes a restart queue it once. */
export function signJob(slot: Date) {
  const iso = slot.toISOString();
  return { kind: CHECKPOINT_JOB_KINDS.sign, dueAt: slot, payload: { slot: iso }, idemKey: `${CHECKPOINT_JOB_KINDS.sign}@${iso}` };
}
