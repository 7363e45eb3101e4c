/**
 * Which scheduled backups retention keeps: the newest `hourly` ones, plus the newest one of each of the last
 * `daily` UTC days (today counts as one). Everything else is pruned. Pure: `now` is a parameter, and manual
 * backups never reach this rule (the caller passes scheduled ones only).
 */
export interface RetentionPolicy {
  hourly: number;
  daily: number;
}

export interface Dated {
  id: number;
  takenAt: Date;
}

const DAY_MS = 86_400_000;
const dayNumber = (d: Date) => Math.floor(d.getTime() / DAY_MS);

/** Newest first; two backups of one instant are ordered by id, so the plan never depends on input order. */
const newestFirst = (a: Dated, b: Dated) => b.takenAt.getTime() - a.takenAt.getTime() || b.id - a.id;

export function retentionPlan<T extends Dated>(backups: readonly T[], policy: RetentionPolicy, now: Date): { keep: T[]; prune: T[] } {
  const sorted = [...backups].sort(newestFirst);
  const kept = new Set<T>(sorted.slice(0, Math.max(0, policy.hourly)));
  const today = dayNumber(now);
  const daysSeen = new Set<number>();
  for (const b of sorted) {
    const day = dayNumber(b.takenAt);
    if (daysSeen.has(day)) continue;
    daysSeen.add(day);
    // A day after today (a clock that ran ahead) is within the window and takes none of the last days' places.
    if (today - day < policy.daily) kept.add(b);
  }
  return { keep: sorted.filter((b) => kept.has(b)), prune: sorted.filter((b) => !kept.has(b)) };
}
