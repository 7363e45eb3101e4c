/**
 * Bench 3: `warden audit verify` over 100,000 changes recorded as Warden records them (a timeline row and an audit
 * entry carrying its hash), read from SQLite, every hash checked, the timeline against the chain, checkpoints and
 * guards, vs raw SHA-256 of exactly the bytes those hashes cover (each audit body and each timeline row), one
 * digest each, held in memory. Reported as throughput relative to raw hashing: the goal is at least 0.5.
 * Verify uses two threads (the audit chain on the main one, the timeline in a worker, each with its own
 * connection), three when the chain walk is split with a second worker; the baseline hashes on one. The parts are
 * timed alone too, to show which thread is the long pole.
 */
import { createHash, generateKeyPairSync, hash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ALL_MIGRATIONS } from '../src/compose-features.js';
import { auditRepo, checkpointLine, signCheckpoint, verifyAuditDatabase, walkAuditPages } from '../src/features/audit/index.js';
import { exportLine } from '../src/cli/commands/audit/export.js';
import { migrate, openDb } from '../src/platform/db/db.js';
import { recordChange } from '../src/features/incidents/app/record.js';
import { createStore, timelineDigestsInWorker } from '../src/features/incidents/index.js';
import { TIMELINE_HASH_INPUT } from '../src/features/incidents/store/timeline-hash.js';

const ENTRIES = 100_000;

/** What the bench's first line compares, as `npm run bench` prints it. */
export const AUDIT_VERIFY_LABEL = 'audit verify 100,000 changes (2 threads: chain | timeline; the chain split over a third from 3 cores) vs one-shot SHA-256 of the same bytes (1 thread): throughput (goal 0.5)';

export interface AuditVerifyBench {
  verifyMs: number;
  /** One-shot `crypto.hash` of each input: the fastest SHA-256 Node has. */
  rawMs: number;
  /** `createHash().update().digest()` of each input, as most code (and the earlier bench) hashes. */
  streamMs: number;
  /** Reading what verify reads from SQLite (the chain's quick pages, the timeline's hash inputs) without hashing, on one thread. */
  readMs: number;
  /** Verify with the chain walked on one thread (`split: null`), and split in the middle with a worker. */
  unsplitMs: number;
  splitMs: number;
  /** The chain walk alone on this thread (no timeline, no checkpoint file), and the timeline worker alone. */
  chainMs: number;
  timelineMs: number;
  /** Reading the chain's quick pages alone, and the timeline's hash inputs alone, each on one thread. */
  chainReadMs: number;
  timelineReadMs: number;
}

export async function benchAuditVerify(dir: string): Promise<AuditVerifyBench> {
  const db = openDb(join(dir, 'audit-bench.db'));
  migrate(db, ALL_MIGRATIONS);
  const audit = auditRepo(db);
  const store = createStore(db);
  const incident = db.prepare("INSERT INTO incidents (id, title, type, severity, status, declared_by, declared_at) VALUES (?, 'bench', 'security', 'sev2', 'investigating', 'UBENCH', '2026-01-01T00:00:00.000Z')");
  db.transaction(() => {
    for (let n = 0; n < 100; n++) incident.run(`INC-2026-${String(n).padStart(4, '0')}`);
    for (let i = 0; i < ENTRIES; i++) {
      const at = new Date(Date.UTC(2026, 0, 1) + i * 1000);
      recordChange(store, { incidentId: `INC-2026-${String(i % 100).padStart(4, '0')}`, actor: `U${1000 + (i % 50)}`, at, kind: 'status_changed', text: `Status changed to mitigated by <@U0${i % 97}>`, action: 'incident.status_changed', data: { from: 'investigating', to: 'mitigated' } });
    }
  })();
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const head = audit.head();
  const cp = signCheckpoint({ kind: 'checkpoint', count: head.count, head: head.hash!, at: '2026-12-01T00:00:00.000Z', prev: '' }, privateKey);
  const checkpoints = join(dir, 'audit-bench-checkpoints.jsonl');
  writeFileSync(checkpoints, `${checkpointLine(cp)}\n`);
  const bytes = [...audit.stored()].map((e) => {
    const { prevHash, body } = JSON.parse(exportLine(e)) as { prevHash: string; body: string };
    return Buffer.from(`${prevHash}\n${body}`);
  });
  for (const input of db.prepare<[], string>(`SELECT ${TIMELINE_HASH_INPUT} FROM timeline`).pluck().all()) bytes.push(Buffer.from(input));
  const best = (fn: () => void) => Math.min(...[0, 1, 2].map(() => time(fn)));
  const verifyOnce = async (split?: number | null) => {
    const t = performance.now();
    const report = await verifyAuditDatabase(db, { checkpoints: checkpoints, publicKeys: [publicKey], timeline: timelineDigestsInWorker(db.name), split });
    if (report.problems.length > 0 || report.entries !== ENTRIES) throw new Error(`bench chain did not verify: ${JSON.stringify(report.problems[0])}`);
    return performance.now() - t;
  };
  const bestOf = async (fn: () => Promise<number>) => Math.min(await fn(), await fn(), await fn());
  const verifyMs = await bestOf(() => verifyOnce());
  const rawMs = best(() => bytes.forEach((b) => hash('sha256', b, 'hex')));
  const streamMs = best(() => bytes.forEach((b) => createHash('sha256').update(b).digest('hex')));
  const readChain = () => {
    let n = 0;
    for (const page of audit.chainPages()) n += page.texts.length;
    return n;
  };
  const readTimeline = () => db.prepare<[], string>(`SELECT ${TIMELINE_HASH_INPUT} FROM timeline ORDER BY id`).pluck().all().length;
  const readMs = best(() => {
    const n = readChain() + readTimeline();
    if (n !== 2 * ENTRIES) throw new Error(`read ${n} rows`);
  });
  // The parts, after the figures above (measured as they were before the split existed).
  const unsplitMs = await bestOf(() => verifyOnce(null));
  const splitMs = await bestOf(() => verifyOnce(ENTRIES / 2));
  const lookups = { rows: audit.chainRows, entryAt: audit.entryAt, seqOfHash: audit.seqOfHash, expectations: null };
  const chainMs = best(() => walkAuditPages({ ...lookups, pages: audit.chainPages() }));
  const timelineMs = await bestOf(async () => {
    const t = performance.now();
    await timelineDigestsInWorker(db.name);
    return performance.now() - t;
  });
  const chainReadMs = best(readChain);
  const timelineReadMs = best(readTimeline);
  db.close();
  return { verifyMs, rawMs, streamMs, readMs, unsplitMs, splitMs, chainMs, timelineMs, chainReadMs, timelineReadMs };
}

function time(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}
