/**
 * The managers' digest at 10 / 1,000 / 10,000 OPEN incidents (the same other data: bench/digest-build.ts's seed
 * with 10,000 stored items), each as a ratio to one indexed read of the incidents it shows. Every seventh open
 * incident is a drill, every tenth private; three carry GDPR with a recorded `became_aware`, so the deadline
 * section has live stages. The goal is flat: the ratio at the largest size within 1.5x of the ratio at the smallest.
 */
import { performance } from 'node:perf_hooks';
import type { DigestPart } from '../src/features/digests/domain/digest-part.js';
import type { Db } from '../src/platform/db/db.js';
import { verdict, type Fmt, type Row, type Sized } from './incident-reads-world.js';

const SEVERITIES = ['sev1', 'sev2', 'sev3', 'sev4'];
const CLOCKED = 3;

/**
 * `open` open incidents declared before this month (so the month's MTTA/MTTR, which reads the incidents declared
 * this month, is the same work at every size), a few with legal clocks running.
 */
export function seedOpen(db: Db, open: number, before: Date): void {
  const incident = db.prepare(`INSERT INTO incidents (id, title, type, severity, status, drill, private, declared_by, declared_at)
    VALUES (?, ?, 'security', ?, 'investigating', ?, ?, 'UBENCH', ?)`);
  const regime = db.prepare("INSERT INTO incident_regimes (incident_id, regime_id, applied_by, applied_at) VALUES (?, 'gdpr', 'UBENCH', ?)");
  const event = db.prepare("INSERT INTO clock_events (incident_id, event, at, recorded_by, recorded_at) VALUES (?, 'became_aware', ?, 'UBENCH', ?)");
  db.transaction(() => {
    for (let i = 0; i < open; i++) {
      const id = `INC-O-${i}`;
      const at = new Date(before.getTime() - (i + 1) * 600_000).toISOString();
      incident.run(id, `Open ${i}`, SEVERITIES[i % 4], i % 7 === 3 ? 1 : 0, i % 10 === 9 ? 1 : 0, at);
      // Spread across the list (not only the newest), so a read that pages the open incidents would miss some.
      if (i % Math.max(1, Math.floor(open / CLOCKED)) === 0 && i / Math.max(1, Math.floor(open / CLOCKED)) < CLOCKED) {
        regime.run(id, at);
        event.run(id, at, at);
      }
    }
  })();
}

/** The incident ids a digest shows (in its lines), for the floor read. */
export function shownIds(parts: readonly DigestPart[]): string[] {
  return [...new Set(parts.flatMap((p) => p.lines.flatMap((l) => [...l.matchAll(/\*(INC-[\w-]+)/g)].map((x) => x[1] as string))))];
}

/** One indexed read (by primary key) of the given incidents: the floor of a digest that shows them. */
export function floorRead(db: Db, ids: readonly string[]): () => unknown {
  const rows = db.prepare('SELECT * FROM incidents WHERE id IN (SELECT value FROM json_each(?))');
  const json = JSON.stringify(ids);
  return () => rows.all(json);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** Median per-call time of `fn` and `floor` over interleaved rounds. */
export function perCall(fn: () => unknown, floor: () => unknown, reps: number, rounds = 9): { subject: number; base: number } {
  fn();
  floor();
  const [s, b]: [number[], number[]] = [[], []];
  for (let r = 0; r < rounds; r++) {
    let t = performance.now();
    for (let i = 0; i < reps; i++) fn();
    s.push((performance.now() - t) / reps);
    t = performance.now();
    for (let i = 0; i < reps * 10; i++) floor();
    b.push((performance.now() - t) / (reps * 10));
  }
  return { subject: median(s), base: median(b) };
}

/** The verdict rows of the open-incident sizes. */
export function openVerdict(sized: Sized[], f: Fmt): Row[] {
  return verdict("managers' digest (every section) at N open incidents vs one indexed read of the incidents it shows", sized, f);
}
