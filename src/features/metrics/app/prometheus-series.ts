import type { Registry } from 'prom-client';
import type { Clock } from '../../../platform/clock.js';
import { trailing } from '../domain/period.js';
import type { SeriesCounts } from '../domain/window-counts.js';
import type { ResponseHistogramSource } from './ports.js';
import { WindowHistogram } from './window-histogram.js';

/** The window `/metrics` reports: the incidents declared in the last 30 days. */
export const WINDOW_DAYS = 30;
/** A scrape within this long of the last one reuses its read (scrapers often poll every 15 s, several at once). */
export const CACHE_MS = 60_000;

const MIN = 60;
const HOUR = 3600;
/**
 * From a minute to a week: MTTA is minutes, MTTR hours, legal submissions hours to days. The stored daily sums
 * are counted in these buckets (migration 022's metrics_histogram_bounds, in ms): changing them needs a migration.
 */
export const BUCKETS = [MIN, 5 * MIN, 15 * MIN, 30 * MIN, HOUR, 2 * HOUR, 4 * HOUR, 8 * HOUR, 24 * HOUR, 72 * HOUR, 7 * 24 * HOUR] as const;
/** Bucket indexes a count can have: one per bound, and one past the last for values above it (+Inf only). */
export const BUCKET_COUNT = BUCKETS.length + 1;

/** The window's counts, read at most once per `CACHE_MS` (one entry: the cache is bounded by construction). */
export function cachedWindow(source: ResponseHistogramSource, clock: Clock, cacheMs = CACHE_MS) {
  let cached: { at: number; counts: SeriesCounts[] } | null = null;
  return (): SeriesCounts[] => {
    const now = clock.now();
    if (cached && now.getTime() - cached.at < cacheMs && now.getTime() >= cached.at) return cached.counts;
    cached = { at: now.getTime(), counts: source.countsIn(trailing(now, WINDOW_DAYS)) };
    return cached.counts;
  };
}

/**
 * Registers the response histograms. Each scrape shows the incidents declared in the trailing 30 days (a
 * snapshot, not a counter since start-up: counts can fall as incidents leave the window), so read them with
 * `histogram_quantile(0.9, warden_incident_mttr_seconds_bucket)`, without `rate()`. The counts come summed
 * (daily sums kept as the facts change), so a scrape costs the same at 10 and 10,000 incidents.
 */
export function registerResponseSeries(registry: Registry, window: () => readonly SeriesCounts[]): void {
  const series = (of: SeriesCounts['series'], name: string, help: string, labelNames: readonly string[], labelsOf: (c: SeriesCounts) => Record<string, string>) =>
    new WindowHistogram({ name, help, labelNames, buckets: BUCKETS, registry, labelsOf }, () => window().filter((c) => c.series === of));
  const bySeverity = (c: SeriesCounts) => ({ severity: c.labelA });
  series('mtta', 'warden_incident_mtta_seconds', 'Detection (or declaration) to first commander, incidents declared in the last 30 days, drills excluded.', ['severity'], bySeverity);
  series('mttr', 'warden_incident_mttr_seconds', 'Declaration to first resolution, incidents declared in the last 30 days and resolved, drills excluded.', ['severity'], bySeverity);
  series('legal', 'warden_legal_submission_seconds', 'Declaration to the recorded submission of each legal notification stage, incidents declared in the last 30 days, drills excluded.', ['regime', 'stage'], (c) => ({
    regime: c.labelA,
    stage: c.labelB,
  }));
}
