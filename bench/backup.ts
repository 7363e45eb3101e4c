/**
 * Bench 8: `warden backup` of a ~200 MB database (incidents, timeline, a chained audit log) vs `fs.copyFileSync` of
 * the same file: the price of an online, checked backup (copy, integrity_check, SHA-256, record) over a plain copy
 * of a quiet file. And while it runs, the longest the event loop is blocked (what an ack would wait), as a ratio to
 * the longest stall of the idle loop over the same time.
 */
import { copyFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { ALL_MIGRATIONS } from '../src/compose-features.js';
import { backupPorts, takeBackup } from '../src/features/backups/index.js';
import { createStore } from '../src/features/incidents/index.js';
import { migrate, openDb, type Db } from '../src/platform/db/db.js';

const TARGET_BYTES = 200 * 2 ** 20;
const T0 = Date.parse('2026-01-01T00:00:00Z');
const text = (n: number, i: number) => `${i} `.padEnd(n, 'Customer portal returned 502 for EU users; rolled back the edge config. ');

/** Fills a Warden database to ~200 MB: incidents with four timeline entries each, and one audit entry per change. */
function build(path: string): Db {
  const db = openDb(path);
  migrate(db, ALL_MIGRATIONS);
  const store = createStore(db);
  const incident = db.prepare(`INSERT INTO incidents (id, title, description, type, severity, status, drill, declared_by, declared_at)
    VALUES (?, ?, ?, 'security', 'sev2', 'resolved', 0, 'UALICE', ?)`);
  const line = db.prepare("INSERT INTO timeline (incident_id, at, actor, kind, text) VALUES (?, ?, 'UBOB', 'note', ?)");
  const size = () => (db.pragma('page_count', { simple: true }) as number) * (db.pragma('page_size', { simple: true }) as number);
  for (let batch = 0; size() < TARGET_BYTES; batch++) {
    store.transaction(() => {
      for (let k = 0; k < 1000; k++) {
        const i = batch * 1000 + k;
        const id = `INC-${i}`;
        const at = new Date(T0 + i * 60_000).toISOString();
        incident.run(id, `Incident ${i}: ${text(80, i)}`, text(600, i), at);
        for (let j = 0; j < 4; j++) line.run(id, at, text(900, j));
        store.audit.append({ at, actor: 'UALICE', action: 'incident.declared', incidentId: id, details: { severity: 'sev2', title: text(120, i) } });
      }
    });
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  return db;
}

/** The longest event-loop stall (ms) while `fn` runs, sampled every millisecond. */
async function maxStall(fn: () => Promise<unknown>): Promise<{ ms: number; tookMs: number }> {
  const h = monitorEventLoopDelay({ resolution: 1 });
  h.enable();
  const t = performance.now();
  await fn();
  const tookMs = performance.now() - t;
  h.disable();
  return { ms: h.max / 1e6, tookMs };
}

export async function benchBackup(dir: string, timeIt: (fn: () => unknown) => Promise<number> | number, ms: (x: number) => string, ratio: (a: number, b: number) => string): Promise<string[][]> {
  const path = join(dir, 'backup-200mb.db');
  const db = build(path);
  try {
    const bytes = statSync(path).size;
    const copyMs = await timeIt(() => copyFileSync(path, join(dir, 'plain-copy.db')));
    rmSync(join(dir, 'plain-copy.db'));
    const deps = { store: createStore(db), records: backupPorts.records(db), writer: backupPorts.writer(db), clock: { now: () => new Date() } };
    let n = 0;
    const backup = () => takeBackup(deps, join(dir, `b${++n}.db`), 'manual', 'bench');
    const stalled = await maxStall(backup);
    const idle = await maxStall(() => new Promise((resolve) => setTimeout(resolve, stalled.tookMs)));
    // What the worker spares the main thread: integrity_check of the copy, run here on the main thread.
    const check = openDb(join(dir, 'b1.db'));
    const integrityMs = await timeIt(() => check.pragma('integrity_check'));
    check.close();
    return [
      [`warden backup of ${(bytes / 2 ** 20).toFixed(0)} MiB vs copyFileSync`, ms(stalled.tookMs), ms(copyMs), ratio(stalled.tookMs, copyMs)],
      ['  integrity_check of the copy on the main thread (the worker runs it instead)', ms(integrityMs), '', ''],
      ['longest event-loop stall during backup vs idle', ms(stalled.ms), ms(idle.ms), ratio(stalled.ms, idle.ms)],
    ];
  } finally {
    db.close();
  }
}
