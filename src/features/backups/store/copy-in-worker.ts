import { Worker } from 'node:worker_threads';

/** Pages per step at first: 1,024 pages of 4 KiB is 4 MiB between looks at the live file. */
export const FIRST_STEP_PAGES = 1024;

/** What the worker reports of a checked copy. */
export interface CheckedCopy {
  restarts: number;
  entries: number;
  head: string;
  dataAsOf: string | null;
  sha256: string;
}

type Reply = ({ ok: true } & CheckedCopy) | { ok: false; problem: string };

/**
 * Copies the live database file at `source` to `dest` with SQLite's online backup API, in a worker thread with its
 * own connection, then seals, checks and hashes the copy there too. Nothing of it runs on the main thread, so a
 * scheduled backup inside `warden start` never delays an ack (a 200 MB integrity_check alone is ~300 ms of CPU).
 * The worker's connection only reads: in WAL mode, Warden's writes go on meanwhile; each one restarts the copy at
 * its next step, and each restart doubles the step, so the copy finishes under a steady stream of writes (at worst
 * in one step, a read transaction that blocks no writer).
 */
export function copyInWorker(source: string, dest: string, firstStepPages = FIRST_STEP_PAGES): Promise<CheckedCopy> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./copy-worker.mjs', import.meta.url), { workerData: { source, dest, firstStepPages } });
    let settled = false;
    worker.once('message', (reply: Reply) => {
      settled = true;
      if (reply.ok) resolve(reply);
      else reject(new Error(reply.problem));
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the backup worker stopped (exit code ${code}) before it answered`));
    });
  });
}
