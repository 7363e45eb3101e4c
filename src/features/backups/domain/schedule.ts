/**
 * When scheduled backups run: on a grid of `every` from the Unix epoch (every hour on the hour, by default), one
 * per slot. The slot is the job's identity, so however many times Warden restarts in a slot it is queued once.
 * Pure: instants are parameters.
 */

/** The start of the slot `at` falls in. */
export const slotOf = (at: Date, everyMs: number): Date => new Date(Math.floor(at.getTime() / everyMs) * everyMs);

/** The first slot that starts after the one `at` falls in. */
export const slotAfter = (at: Date, everyMs: number): Date => new Date(slotOf(at, everyMs).getTime() + everyMs);

/**
 * The slot to queue at start-up: the one after the last good scheduled backup (due at once when Warden was down
 * through it), or the current one when there is none yet (the first backup runs as soon as Warden starts).
 */
export const firstSlot = (lastGood: Date | null, now: Date, everyMs: number): Date => (lastGood ? slotAfter(lastGood, everyMs) : slotOf(now, everyMs));

/** A slot is done once a good scheduled backup was taken in it or after it (a retry, or a later slot's job, did it). */
export const slotDone = (slot: Date, lastGood: Date | null): boolean => lastGood !== null && lastGood.getTime() >= slot.getTime();
