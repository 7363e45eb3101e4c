/**
 * `GET /metrics` of a started Warden at 10 / 1,000 / 10,000 open incidents, p50 against `GET /healthz` of the same
 * server (the HTTP floor), interleaved. The clock sits just after the seeded incidents, so all of them are in the
 * 30-day window the response histograms read. Two figures: a scrape as scrapers see it (within a minute of the
 * last one, the window's read is reused) and one with the clock moved past that minute before each scrape (the
 * window read again). Flat: the ratio at 10,000 within 1.5x of the one at 10.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ManualClock } from '../src/platform/clock.js';
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

async function scrapesAt(dir: string, open: number, slack: BenchSlack) {
  const path = join(dir, `metrics-${open}.db`);
  seed(path, open, 0);
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
  const at: { n: number; cached: number; fresh: number; health: number }[] = [];
  for (const n of SIZES) at.push({ n, ...(await scrapesAt(dir, n, slack)) });
  const of = (k: 'cached' | 'fresh'): Sized[] => at.map((a) => ({ label: `${a.n.toLocaleString('en')} open`, subject: a[k], base: a.health }));
  return [
    ...verdict('GET /metrics p50, open incidents all in the 30-day window (a scrape within a minute of the last) vs GET /healthz', of('cached'), f),
    ...verdict('  the same, the window read again (clock moved past the minute before each scrape)', of('fresh'), f),
  ];
}
