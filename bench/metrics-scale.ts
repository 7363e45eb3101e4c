/**
 * `GET /metrics` of a started Warden at 10 / 1,000 / 10,000 open incidents, p50 against `GET /healthz` of the same
 * server (the HTTP floor), interleaved. The clock sits just after the seeded incidents, so all of them are in the
 * 30-day window the response histograms read. Three figures: a scrape as scrapers see it (within a minute of the
 * last one, the window's read is reused), one with the clock moved past that minute before each scrape (the
 * window read again), and that again with the incidents' declarations spread evenly over the 30 days, so the
 * window's first, partial day (partly read incident by incident) has its share. Flat: the ratio at 10,000 within 1.5x of
 * the one at 10.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ManualClock } from '../src/platform/clock.js';
import { openDb } from '../src/platform/db/db.js';
import { seed, verdict, wardenOn, type BenchSlack, type Fmt, type Row, type Sized } from './incident-reads-world.js';

/** Just after the last seeded incident at 10,000 (one a minute from 2025-01-01): every size inside 30 days. */
const NOW = '2025-01-08T00:00:00Z';
const SIZES = [10, 1_000, 10_000];
const REQUESTS = 40;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function get(url: string): Promise<number> {
  const t = performance.now();
  const res = await fetch(url);
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`GET ${url}: ${res.status}`);
  return performance.now() - t;
}

const DAY_MS = 86_400_000;

/** Moves the seeded declarations to even steps over the 30 days before NOW (the triggers keep the daily sums). */
function spreadOverWindow(path: string): void {
  const db = openDb(path);
  const ids = db.prepare('SELECT id FROM incidents ORDER BY declared_at').pluck().all() as string[];
  const move = db.prepare('UPDATE incidents SET declared_at = ? WHERE id = ?');
  const start = Date.parse(NOW) - 30 * DAY_MS;
  const step = (30 * DAY_MS) / ids.length;
  db.transaction(() => ids.forEach((id, i) => move.run(new Date(start + Math.round((i + 0.5) * step)).toISOString(), id)))();
  db.close();
}

async function scrapesAt(dir: string, open: number, slack: BenchSlack, spread: boolean) {
  const path = join(dir, `metrics-${open}${spread ? '-spread' : ''}.db`);
  seed(path, open, 0);
  if (spread) spreadOverWindow(path);
  const clock = new ManualClock(NOW);
  const w = wardenOn(path, clock, slack);
  const url = `http://127.0.0.1:${await w.start(0, '127.0.0.1')}`;
  try {
    for (let i = 0; i < 5; i++) await get(`${url}/metrics`);
    const [cached, fresh, health]: [number[], number[], number[]] = [[], [], []];
    for (let i = 0; i < REQUESTS; i++) {
      health.push(await get(`${url}/healthz`));
      cached.push(await get(`${url}/metrics`));
      clock.advance(61_000);
      fresh.push(await get(`${url}/metrics`));
    }
    return { cached: median(cached), fresh: median(fresh), health: median(health) };
  } finally {
    await w.stop();
  }
}

export async function benchMetricsScale(dir: string, slack: BenchSlack, f: Fmt): Promise<Row[]> {
  type At = { n: number; cached: number; fresh: number; health: number };
  const [at, spread]: [At[], At[]] = [[], []];
  for (const n of SIZES) at.push({ n, ...(await scrapesAt(dir, n, slack, false)) });
  for (const n of SIZES) spread.push({ n, ...(await scrapesAt(dir, n, slack, true)) });
  const of = (rows: At[], k: 'cached' | 'fresh'): Sized[] => rows.map((a) => ({ label: `${a.n.toLocaleString('en')} open`, subject: a[k], base: a.health }));
  return [
    ...verdict('GET /metrics p50, open incidents all in the 30-day window (a scrape within a minute of the last) vs GET /healthz', of(at, 'cached'), f),
    ...verdict('  the same, the window read again (clock moved past the minute before each scrape)', of(at, 'fresh'), f),
    ...verdict('  the same, the incidents spread evenly over the 30 days (the first day of the window has its share)', of(spread, 'fresh'), f),
  ];
}
