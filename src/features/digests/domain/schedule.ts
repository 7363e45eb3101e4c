/**
 * When a digest runs: its cron schedule read in its zone (croner does the calendar: DST, month lengths), and
 * what to do with a run found late because Warden was down. Pure: `now` is a parameter.
 */
import { Cron } from 'croner';

/** A digest as the schedule sees it. */
export interface ScheduledDigest {
  channel: string;
  schedule: string;
  timeZone: string;
}

/**
 * A run missed while Warden was down is still posted, once, when Warden is back within this long (the digest
 * says how late it is); a run later than that is skipped (recorded, and named in the next digest): a 09:00
 * digest arriving at 17:00 would mislead more than it helps.
 */
export const LATE_GRACE_MS = 6 * 3_600_000;

/** A digest's identity: a changed channel, schedule or zone is another digest (the old one's jobs find it gone). */
export const digestKey = (d: ScheduledDigest): string => `${d.channel}|${d.schedule}|${d.timeZone}`;

/**
 * The first run strictly after `after`, in the digest's zone. On a spring-forward day a time that does not exist
 * (02:30 in Paris on 2027-03-28) runs at the first minute after the gap (03:00 local); on a fall-back day a
 * time that happens twice runs once, at its first occurrence (croner's behaviour, tested).
 */
export function nextRunAfter(d: ScheduledDigest, after: Date): Date | null {
  return new Cron(d.schedule, { timezone: d.timeZone, paused: true }).nextRun(after);
}

/** What a due run job does: post the latest run in the grace window (late by `lateMs`), or skip. */
export type RunDecision = { post: true; runAt: Date; lateMs: number; skipped: Date[] } | { post: false; skipped: Date[] };

/**
 * A run job scheduled for `runAt` wakes at `now` (on time, or late after a restart). If later runs of the same
 * digest also fell due meanwhile, only the latest one within `graceMs` of `now` is posted; the others are skipped.
 */
export function decideRun(d: ScheduledDigest, runAt: Date, now: Date, graceMs = LATE_GRACE_MS): RunDecision {
  const floor = now.getTime() - graceMs;
  const cron = new Cron(d.schedule, { timezone: d.timeZone, paused: true });
  const skipped: Date[] = runAt.getTime() < floor ? [runAt] : [];
  let latest: Date | null = runAt.getTime() >= floor ? runAt : cron.nextRun(new Date(floor - 1));
  if (latest && latest.getTime() > now.getTime()) latest = null;
  // Bounded: the window is `graceMs` long, so at most graceMs / 1 minute steps.
  for (let next = latest && cron.nextRun(latest); latest && next && next.getTime() <= now.getTime(); next = cron.nextRun(next)) {
    skipped.push(latest);
    latest = next;
  }
  if (!latest) return { post: false, skipped };
  return { post: true, runAt: latest, lateMs: now.getTime() - latest.getTime(), skipped };
}
