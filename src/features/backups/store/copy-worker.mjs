// The online copy, off the main thread: SQLite's backup API from its own connection to the live file, then the
// checks of the copy (seal, integrity_check, audit head) and its SHA-256. Plain JavaScript so it runs as a worker
// under tsx, vitest and the built package alike. Started by copy-in-worker.ts, which documents the protocol.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';

const { source, dest, firstStepPages } = workerData;

/** Each step that made no progress (a write from another connection restarted the copy) doubles the next step. */
async function copy() {
  const live = new Database(source, { fileMustExist: true, timeout: 5000 });
  let step = firstStepPages;
  let lastRemaining = Number.POSITIVE_INFINITY;
  let restarts = 0;
  try {
    await live.backup(dest, {
      progress: ({ remainingPages }) => {
        if (remainingPages >= lastRemaining) {
          restarts += 1;
          step *= 2;
        }
        lastRemaining = remainingPages;
        return step;
      },
    });
  } finally {
    live.close();
  }
  return restarts;
}

/** The copy becomes one self-contained file (rollback journal, not WAL), checked and read for its audit head. */
function check() {
  const db = new Database(dest, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
    const rows = db.pragma('integrity_check');
    if (!(rows.length === 1 && rows[0].integrity_check === 'ok')) {
      return { problem: `the copy fails integrity_check: ${rows.slice(0, 3).map((r) => r.integrity_check).join('; ')}` };
    }
    const head = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get();
    const newest = db.prepare('SELECT max(at) FROM audit_log').pluck().get();
    return { entries: head ? head.seq : 0, head: head ? head.hash : '0'.repeat(64), dataAsOf: newest ?? null };
  } finally {
    db.close();
  }
}

async function sha256() {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(dest, { highWaterMark: 1 << 20 })) hash.update(chunk);
  return hash.digest('hex');
}

try {
  const restarts = await copy();
  const facts = check();
  parentPort.postMessage(facts.problem ? { ok: false, problem: facts.problem } : { ok: true, restarts, ...facts, sha256: await sha256() });
} catch (error) {
  parentPort.postMessage({ ok: false, problem: error instanceof Error ? error.message : String(error) });
}
