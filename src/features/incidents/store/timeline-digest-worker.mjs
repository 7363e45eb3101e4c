// Hashes every timeline row in a worker thread, on its own read-only connection, while the main thread walks the
// audit chain (see timeline-digests-in-worker.ts). Plain JavaScript: it runs as is, from src/ or dist/.
import { hash } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const { path, sql, pageSize } = workerData;
try {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  const page = db.prepare(sql).raw(true);
  const ids = [];
  const incidents = [];
  const shas = [];
  for (let after = 0; ; ) {
    const rows = page.all(after, pageSize);
    for (const [id, incidentId, input] of rows) {
      ids.push(id);
      incidents.push(incidentId);
      shas.push(hash('sha256', input, 'hex'));
    }
    if (rows.length < pageSize) break;
    after = rows[rows.length - 1][0];
  }
  db.close();
  parentPort.postMessage({ ok: true, ids: Float64Array.from(ids), incidents, shas: shas.join('') });
} catch (error) {
  parentPort.postMessage({ ok: false, problem: error instanceof Error ? error.message : String(error) });
}
