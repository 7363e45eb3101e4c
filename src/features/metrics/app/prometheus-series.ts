import { Histogram, type Registry } from 'prom-client';
import type { Clock } from '../../../platform/clock.js';
import { trailing } from '../domain/period.js';
import { mttaSeconds, mttrSeconds, type IncidentTimes } from '../domain/response-times.js';
import type { ResponseTimesSource } from './ports.js';

/** The window `/metrics` reports: the incidents declared in the last 30 days. */
export const WINDOW_DAYS = 30;
/** A scrape within this long of the last one reuses its read (scrapers often poll every 15 s, several at once). */
export const CACHE_MS = 60_000;

const MIN = 60;
const HOUR = 3600;
/** From a minute to a week: MTTA is minutes, MTTR hours, legal submissions hours to days. */
const BUCKETS = [MIN, 5 * MIN, 15 * MIN, 30 * MIN, HOUR, 2 * HOUR, 4 * HOUR, 8 * HOUR, 24 * HOUR, 72 * HOUR, 7 * 24 * HOUR];

/** The window's incidents, read at most once per `CACHE_MS` (one entry: the cache is bounded by construction). */
export function cachedWindow(source: ResponseTimesSource, clock: Clock, cacheMs = CACHE_MS) {
  let cached: { at: number; rows: IncidentTimes[] } | null = null;
  return (): IncidentTimes[] => {
    const now = clock.now();
    if (cached && now.getTime() - cached.at < cacheMs && now.getTime() >= cached.at) return cached.rows;
    cached = { at: now.getTime(), rows: source.declaredIn(trailing(now, WINDOW_DAYS)).filter((i) => !i.drill) };
    return cached.rows;
  };
}

/**
 * Registers the response histograms. Each scrape shows the incidents declared in the trailing 30 days (a
 * snapshot, not a counter since start-up: counts can fall as incidents leave the window), so read them with
 * `histogram_quantile(0.9, warden_incident_mttr_seconds_bucket)`, without `rate()`.
 */
export function registerResponseSeries(registry: Registry, windowRows: () => IncidentTimes[]): void {
  const series = (name: string, help: string, labelNames: string[], fill: (h: Histogram, rows: IncidentTimes[]) => void) => {
    // The window's rows are one cached array until it is read again: buckets filled from it are kept with it, so a
    // scrape within the cache costs the same at 10 and 10,000 incidents.
    let filledFrom: IncidentTimes[] | null = null;
    return new Histogram({
      name,
      help,
      labelNames,
      buckets: BUCKETS,
      registers: [registry],
      collect() {
        const rows = windowRows();
        if (rows === filledFrom) return;
        this.reset();
        fill(this, rows);
        filledFrom = rows;
      },
    });
  };
  series('warden_incident_mtta_seconds', 'Detection (or declaration) to first commander, incidents declared in the last 30 days, drills excluded.', ['severity'], (h, rows) => {
    for (const i of rows) observe(h, { severity: i.severity }, mttaSeconds(i));
  });
  series('warden_incident_mttr_seconds', 'Declaration to first resolution, incidents declared in the last 30 days and resolved, drills excluded.', ['severity'], (h, rows) => {
    for (const i of rows) observe(h, { severity: i.severity }, mttrSeconds(i));
  });
  series('warden_legal_submission_seconds', 'Declaration to the recorded submission of each legal notification stage, incidents declared in the last 30 days, drills excluded.', ['regime', 'stage'], (h, rows) => {
    for (const i of rows) for (const s of i.submissions) observe(h, { regime: s.regimeId, stage: s.stageId }, (s.submittedAt.getTime() - i.declaredAt.getTime()) / 1000);
  });
}

function observe(h: Histogram, labels: Record<string, string>, value: number | null): void {
  if (value !== null) h.observe(labels, value);
}
