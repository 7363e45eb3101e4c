import { Worker } from 'node:worker_threads';
import type { TimelineDigest } from '../../audit/index.js';
import { TIMELINE_HASH_INPUT } from './timeline-hash.js';

const PAGE_SQL = `SELECT id, incident_id, ${TIMELINE_HASH_INPUT} FROM timeline WHERE id > ? ORDER BY id LIMIT ?`;

type Reply = { ok: true; ids: Float64Array; incidents: string[]; shas: string } | { ok: false; problem: string };

/**
 * Every timeline row's id, incident and hash, computed in a worker thread with its own read-only connection to
 * the database file at `path`: started before the audit chain's walk, it hashes the other half of the bytes
 * `warden audit verify` checks on the second core. The same SQL builds the hash input as when the row was written.
 */
export function timelineDigestsInWorker(path: string, pageSize = 5000): Promise<TimelineDigest[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./timeline-digest-worker.mjs', import.meta.url), { workerData: { path, sql: PAGE_SQL, pageSize } });
    worker.once('message', (reply: Reply) => {
      if (!reply.ok) return reject(new Error(`hashing the timeline failed: ${reply.problem}`));
      resolve(Array.from(reply.ids, (id, i) => ({ id, incidentId: reply.incidents[i]!, sha256: reply.shas.slice(i * 64, i * 64 + 64) })));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`the timeline worker stopped (exit code ${code})`)));
  });
}
