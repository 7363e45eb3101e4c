import type { Db } from '../../../platform/db/db.js';
import type { Period } from '../domain/period.js';
import { sumCounts, windowSplit, type BucketCount, type ResponseSeries, type SeriesCounts } from '../domain/window-counts.js';

interface Row {
  series: ResponseSeries;
  label_a: string;
  label_b: string;
  bucket: number;
  observations: number;
  sum_ms: number;
}

const COLUMNS = 'series, label_a, label_b, bucket';

/** The daily sums of the whole days in [fromDay, throughDay]: at most 31 days x series x label sets x buckets rows. */
export const WHOLE_DAYS_SQL = `
    SELECT ${COLUMNS}, sum(observations) AS observations, sum(sum_ms) AS sum_ms
    FROM metrics_daily_buckets WHERE day >= ? AND day <= ? GROUP BY ${COLUMNS}`;

/** The observations of the incidents declared in a range within one day (an edge of the window). */
export const PART_DAY_SQL = `
    SELECT ${COLUMNS}, count(*) AS observations, sum(value_ms) AS sum_ms
    FROM metrics_observations INDEXED BY metrics_observations_declared
    WHERE declared_at >= ? AND declared_at < ? GROUP BY ${COLUMNS}`;

/**
 * The response histograms over a period from what migration 022's triggers keep: the daily sums of its days, and
 * the observations of part of its first day one by one (windowSplit). Its cost follows the days and label sets,
 * not the incidents (but for those declared within half a day of the window's start). Drills are never
 * in those tables. The figures are RESPONSE_TIMES_SQL's (the test compares them on randomised histories).
 */
export function responseHistogramsRead(db: Db, bucketCount: number) {
  const wholeDays = db.prepare<[string, string], Row>(WHOLE_DAYS_SQL);
  const partDay = db.prepare<[string, string], Row>(PART_DAY_SQL);
  const counts = (rows: Row[]): BucketCount[] =>
    rows.map((r) => ({ series: r.series, labelA: r.label_a, labelB: r.label_b, bucket: r.bucket, observations: r.observations, sumMs: r.sum_ms }));
  return {
    /** Every label set of every series observed for the incidents declared in the period (drills left out). */
    countsIn(period: Period): SeriesCounts[] {
      const split = windowSplit(period);
      // One read transaction, so a write between the statements cannot be half counted.
      return db.transaction(() => {
        const part = (r: { since: string; until: string }) => counts(partDay.all(r.since, r.until));
        const parts: { rows: BucketCount[]; sign: 1 | -1 }[] = [...split.add.map((r) => ({ rows: part(r), sign: 1 as const })), ...split.subtract.map((r) => ({ rows: part(r), sign: -1 as const }))];
        if (split.days) parts.push({ rows: counts(wholeDays.all(split.days.fromDay, split.days.throughDay)), sign: 1 });
        return sumCounts(parts, bucketCount);
      })();
    },
  };
}

export type ResponseHistogramsRead = ReturnType<typeof responseHistogramsRead>;
