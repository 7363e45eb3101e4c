// Walks one range of the audit chain the quick way in a worker thread, on its own read-only connection, while the
// main thread walks the entries before it (see chain-range-in-worker.ts). Plain JavaScript: it runs as is, from
// src/ or dist/. It stops at the first entry the quick check does not accept and says how far it got: naming a
// problem is the main thread's, which walks on from there the exact way.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { CoverageRecords, quickPage, quickWalk } from '../domain/quick-walk.mjs';

const HEX = 64;
const { path, sql, from, to, pageSize, pending } = workerData;

/** The quick walk of entries `from` to `to`, from the previous hash the first one stores. */
function walkRange(page) {
  const coverage = new CoverageRecords();
  const state = { seq: from - 1, hash: '', next: 0 };
  let prevHash = null;
  for (let start = from; start <= to; start += pageSize) {
    const texts = quickPage(page, start, Math.min(start + pageSize - 1, to));
    if (start === from) {
      // Not a 64-character previous hash (the SQL gives null), or no entry at all: the main thread walks it all.
      if (typeof texts[0] !== 'string') break;
      prevHash = state.hash = texts[0].slice(HEX, 2 * HEX);
    }
    if (quickWalk(texts, 0, state, pending, coverage) < texts.length) break;
  }
  return { from, prevHash, seq: state.seq, hash: prevHash === null ? '' : state.hash, coverage: coverage.packed() };
}

try {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  const range = walkRange(db.prepare(sql).pluck(true));
  db.close();
  const { ids, seqs, shas } = range.coverage;
  parentPort.postMessage({ ok: true, range }, [ids.buffer, seqs.buffer, shas.buffer]);
} catch (error) {
  parentPort.postMessage({ ok: false, problem: error instanceof Error ? error.message : String(error) });
}
