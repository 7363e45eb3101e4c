import type { Period } from './period.js';

/** The response histograms `/metrics` shows; each observes one value per incident (per stage for `legal`). */
export const RESPONSE_SERIES = ['mtta', 'mttr', 'legal'] as const;
export type ResponseSeries = (typeof RESPONSE_SERIES)[number];

/**
 * How many observations of one series and label set fell in one bucket, and their sum in whole milliseconds.
 * `bucket` is the index of the first upper bound at or above the value; one past the last bound is +Inf only.
 * `labelA` is the severity (or the legal regime), `labelB` '' (or the legal stage).
 */
export interface BucketCount {
  series: ResponseSeries;
  labelA: string;
  labelB: string;
  bucket: number;
  observations: number;
  sumMs: number;
}

/** One label set of one series over the window: per-bucket counts (not cumulative), the total and the exact sum. */
export interface SeriesCounts {
  series: ResponseSeries;
  labelA: string;
  labelB: string;
  /** Observations per bucket index; `bucketCount` long. */
  buckets: number[];
  count: number;
  sumMs: number;
}

const DAY_MS = 86_400_000;
const dayOf = (iso: string) => iso.slice(0, 10);
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00.000Z`) + DAY_MS).toISOString().slice(0, 10);

/** Declarations in [since, until), as the ISO text the incidents store (it sorts as time). */
export interface TextRange {
  since: string;
  until: string;
}

/** How a period reads: whole UTC days [fromDay, throughDay] from the daily sums, plus and minus some incidents one by one. */
export interface WindowSplit {
  days: { fromDay: string; throughDay: string } | null;
  add: TextRange[];
  subtract: TextRange[];
}

const NOON_MS = 43_200_000;

/**
 * How a period splits for the daily sums. Its last day comes summed, less what was declared at or after `until`
 * (normally nothing: nothing is declared in the future). Its first, partial day is read incident by incident,
 * from whichever side of `since` is shorter: a start before noon takes that day's sum less its incidents before
 * `since`, a start after noon adds its incidents from `since` on. So the one-by-one reads stay within half a
 * day's declarations. A period within one day has no whole days: it is read itself. Pure.
 */
export function windowSplit(period: Period): WindowSplit {
  const since = period.since.toISOString();
  const until = period.until.toISOString();
  const [first, last] = [dayOf(since), dayOf(until)];
  if (first === last) return { days: null, add: [{ since, until }], subtract: [] };
  const late = [{ since: until, until: nextDay(last) }];
  if (period.since.getTime() % DAY_MS < NOON_MS) return { days: { fromDay: first, throughDay: last }, add: [], subtract: [{ since: first, until: since }, ...late] };
  return { days: { fromDay: nextDay(first), throughDay: last }, add: [{ since, until: nextDay(first) }], subtract: late };
}

const keyOf = (c: { series: string; labelA: string; labelB: string }) => `${c.series}\u0000${c.labelA}\u0000${c.labelB}`;

/**
 * Adds up bucket counts (`sign` -1 takes them off) into one entry per series and label set; entries left with
 * no observation are dropped, as a histogram only shows label sets it observed. Pure.
 */
export function sumCounts(parts: readonly { rows: readonly BucketCount[]; sign: 1 | -1 }[], bucketCount: number): SeriesCounts[] {
  const bySet = new Map<string, SeriesCounts>();
  for (const { rows, sign } of parts) {
    for (const r of rows) {
      const key = keyOf(r);
      const entry = bySet.get(key) ?? { series: r.series, labelA: r.labelA, labelB: r.labelB, buckets: new Array<number>(bucketCount).fill(0), count: 0, sumMs: 0 };
      if (r.bucket >= 0 && r.bucket < bucketCount) entry.buckets[r.bucket] = (entry.buckets[r.bucket] ?? 0) + sign * r.observations;
      entry.count += sign * r.observations;
      entry.sumMs += sign * r.sumMs;
      bySet.set(key, entry);
    }
  }
  return [...bySet.values()].filter((e) => e.count > 0);
}
