/**
 * Bench 5: the response metrics of 100,000 incidents, inserted directly into a temp SQLite database with every
 * migration applied (each with a status change to resolved, every tenth a drill, every twentieth with a GDPR
 * submission). Subject: the read model's range query plus the pure computation, as `warden metrics` runs them.
 * Baseline: one indexed read of the same incident rows (`SELECT * ... WHERE declared_at` in the range).
 */
import { join } from 'node:path';
import { ALL_MIGRATIONS } from '../src/compose-features.js';
import { responseMetricsFor, responseTimesRead } from '../src/features/metrics/index.js';
import { migrate, openDb } from '../src/platform/db/db.js';

const N = 100_000;
const SEVERITIES = ['sev1', 'sev2', 'sev3', 'sev4'];
const START = Date.parse('2026-01-01T00:00:00Z');

export function benchResponseMetrics(dir: string, timeIt: (fn: () => unknown) => Promise<number> | number, ms: (x: number) => string, ratio: (a: number, b: number) => string): Promise<string[][]> {
  const db = openDb(join(dir, 'metrics-bench.db'));
  migrate(db, ALL_MIGRATIONS);
  const iso = (t: number) => new Date(t).toISOString();
  const incident = db.prepare(`INSERT INTO incidents (id, title, type, severity, status, drill, declared_by, declared_at, detected_at, resolved_at)
    VALUES (?, 'bench', 'security', ?, 'resolved', ?, 'UBENCH', ?, ?, ?)`);
  const timeline = db.prepare("INSERT INTO timeline (incident_id, at, kind, actor, text, data) VALUES (?, ?, ?, 'UBENCH', 'x', ?)");
  const submission = db.prepare("INSERT INTO stage_submissions (incident_id, regime_id, stage_id, submitted_at, recorded_by, reference) VALUES (?, 'gdpr', 'supervisory_authority', ?, 'UBENCH', 'ref')");
  db.transaction(() => {
    for (let i = 0; i < N; i++) {
      const id = `INC-B-${i}`;
      const declared = START + i * 60_000;
      const resolved = declared + ((i * 7919) % 600) * 60_000;
      incident.run(id, SEVERITIES[i % 4], i % 10 === 0 ? 1 : 0, iso(declared), i % 3 === 0 ? iso(declared - 900_000) : null, iso(resolved));
      timeline.run(id, iso(declared), 'declared', '{}');
      timeline.run(id, iso(resolved), 'status_changed', JSON.stringify({ from: 'investigating', to: 'resolved' }));
      if (i % 20 === 0) submission.run(id, iso(declared + 36 * 3_600_000));
    }
  })();
  const period = { since: new Date(START), until: new Date(START + N * 60_000) };
  const read = responseTimesRead(db);
  const plain = db.prepare('SELECT * FROM incidents INDEXED BY incidents_declared_at WHERE declared_at >= ? AND declared_at < ?');
  return (async () => {
    try {
      let counted = 0;
      const compute = () => (counted = responseMetricsFor(read, period, SEVERITIES).incidents);
      const readRows = () => plain.all(period.since.toISOString(), period.until.toISOString());
      // Warm (page cache, JIT) once, then the median of three runs each, interleaved.
      compute();
      readRows();
      const [computeRuns, readRuns]: [number[], number[]] = [[], []];
      for (let i = 0; i < 3; i++) {
        computeRuns.push(await timeIt(compute));
        readRuns.push(await timeIt(readRows));
      }
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1] ?? 0;
      const [computeMs, readMs] = [median(computeRuns), median(readRuns)];
      const modelMs = await timeIt(() => read.declaredIn(period));
      return [
        [`MTTA/MTTR of ${N.toLocaleString('en')} incidents (${counted.toLocaleString('en')} not drills) vs one indexed read of them`, ms(computeMs), ms(readMs), ratio(computeMs, readMs)],
        ['  of which the read model (range query + subqueries)', ms(modelMs), '', ''],
      ];
    } finally {
      db.close();
    }
  })();
}
