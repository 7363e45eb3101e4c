import { Worker } from 'node:worker_threads';
import type { PackedTimelineDigests } from '../../audit/index.js';
import { openExistingDb, type Db } from '../../../platform/db/db.js';
import { TIMELINE_HASH_INPUT } from './timeline-hash.js';

// Only the hash input: the id is its first field, and the incident is looked up for the one row a problem names.
const PAGE_SQL = `SELECT ${TIMELINE_HASH_INPUT} FROM timeline WHERE id > ? AND id <= ? ORDER BY id LIMIT ?`;

type Reply = { ok: true; ids: Float64Array; shas: Uint8Array } | { ok: false; problem: string };

/**
 * Every timeline row's id and hash, computed in a worker thread with its own read-only connection to the
 * database file at `path`: started before the audit chain's walk, it hashes the other half of the bytes
 * `warden audit verify` checks on the second core. The same SQL builds the hash input as when the row was written.
 * `upTo`: the last row id to hash, read with the chain's head in one snapshot (`lastTimelineId`), so that rows a
 * running Warden records meanwhile, with their audit entries after that head, are left to the next verify.
 */
export function timelineDigestsInWorker(path: string, opts: { upTo?: number; pageSize?: number } = {}): Promise<PackedTimelineDigests> {
  const { upTo = Number.MAX_SAFE_INTEGER, pageSize = 5000 } = opts;
  return new Promise((resolve, reject) => {
    // No execArgv: the worker is plain JavaScript, and a loader the parent runs under (tsx) would double its start.
    const worker = new Worker(new URL('./timeline-digest-worker.mjs', import.meta.url), { workerData: { path, sql: PAGE_SQL, pageSize, upTo }, execArgv: [] });
    worker.once('message', (reply: Reply) => {
      if (!reply.ok) return reject(new Error(`hashing the timeline failed: ${reply.problem}`));
      resolve({ ids: reply.ids, shas: reply.shas, incidentOf: (id) => incidentOf(path, id) });
    });
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`the timeline worker stopped (exit code ${code})`)));
  });
}

function incidentOf(path: string, id: number): string {
  const db = openExistingDb(path, { readonly: true });
  try {
    return db.prepare<[number], string>('SELECT incident_id FROM timeline WHERE id = ?').pluck().get(id) ?? '?';
  } finally {
    db.close();
  }
}

/** The newest timeline row's id (0 when there is none): read in one transaction with the audit head, it bounds the worker. */
export function lastTimelineId(db: Db): number {
  return db.prepare<[], number>('SELECT coalesce(max(id), 0) FROM timeline').pluck().get() ?? 0;
}
