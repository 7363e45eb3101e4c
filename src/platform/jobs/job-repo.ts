import type { Db } from '../db/db.js';
import { limitedStatement } from '../db/limited.js';

export const JOB_STATUSES = ['pending', 'done', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export interface Job {
  id: number;
  kind: string;
  dueAt: Date;
  payload: Record<string, unknown>;
  idemKey: string | null;
  incidentId: string | null;
  status: JobStatus;
  attempts: number;
  lastError: string | null;
  /** When a run first sent a post to Slack (set before it left), or null. */
  sendingAt: Date | null;
}

export interface NewJob {
  kind: string;
  dueAt: Date;
  payload?: Record<string, unknown>;
  /** A job with the same key is enqueued once, whatever its status: retries and double clicks add nothing. */
  idemKey?: string;
  incidentId?: string;
}

interface Row {
  id: number;
  kind: string;
  due_at: string;
  payload: string;
  idem_key: string | null;
  incident_id: string | null;
  status: string;
  attempts: number;
  last_error: string | null;
  sending_at: string | null;
}

const toJob = (r: Row): Job => ({
  id: r.id,
  kind: r.kind,
  dueAt: new Date(r.due_at),
  payload: JSON.parse(r.payload) as Record<string, unknown>,
  idemKey: r.idem_key,
  incidentId: r.incident_id,
  status: r.status as JobStatus,
  attempts: r.attempts,
  lastError: r.last_error,
  sendingAt: r.sending_at ? new Date(r.sending_at) : null,
});

/** The order a job keeps: after the earlier jobs of its incident, or of its kind when it belongs to no incident. */
export const laneOf = (job: Pick<Job, 'incidentId' | 'kind'>): string => job.incidentId ?? `kind:${job.kind}`;

/** Durable jobs: reminders, nags and every outbound call, as rows that outlive the process. */
export function jobRepo(db: Db) {
  // A key whose job was pruned stays spent (job_spent_keys): the WHERE also keeps the upsert's SELECT unambiguous.
  const insert = db.prepare(`INSERT INTO jobs (kind, due_at, payload, idem_key, incident_id, created_at)
    SELECT @kind, @dueAt, @payload, @idemKey, @incidentId, @createdAt
    WHERE @idemKey IS NULL OR NOT EXISTS (SELECT 1 FROM job_spent_keys WHERE idem_key = @idemKey)
    ON CONFLICT(idem_key) DO NOTHING`);
  // A lane is what must stay in order: one incident's jobs, or one kind's when a job belongs to no incident (laneOf).
  const due = limitedStatement<[string, string], Row>(db, (limit) => `SELECT * FROM jobs WHERE status = 'pending' AND due_at <= ?
    AND coalesce(incident_id, 'kind:' || kind) NOT IN (SELECT value FROM json_each(?)) ORDER BY due_at, id LIMIT ${limit}`);
  // Most passes start with no lane busy: without the lane filter the read is about a quarter cheaper (bench 12).
  const dueAny = limitedStatement<[string], Row>(db, (limit) => `SELECT * FROM jobs WHERE status = 'pending' AND due_at <= ? ORDER BY due_at, id LIMIT ${limit}`);
  const nextDue = db.prepare<[], string>("SELECT due_at FROM jobs WHERE status = 'pending' ORDER BY due_at LIMIT 1").pluck();
  const finish = db.prepare("UPDATE jobs SET status = ?, finished_at = ?, attempts = attempts + 1, last_error = ? WHERE id = ? AND status = 'pending'");
  const retry = db.prepare("UPDATE jobs SET due_at = ?, attempts = attempts + 1, last_error = ? WHERE id = ? AND status = 'pending'");
  const sending = db.prepare("UPDATE jobs SET sending_at = ? WHERE id = ? AND sending_at IS NULL");
  const postpone = db.prepare("UPDATE jobs SET due_at = ?, last_error = ? WHERE id = ? AND status = 'pending'");
  const holdBehind = db.prepare(`UPDATE jobs SET due_at = @until WHERE incident_id = @incidentId AND status = 'pending' AND id > @id
    AND due_at < @until AND kind NOT IN (SELECT value FROM json_each(@passing))`);
  const cancelKinds = db.prepare(
    "UPDATE jobs SET status = 'cancelled', finished_at = ? WHERE incident_id = ? AND status = 'pending' AND kind IN (SELECT value FROM json_each(?))",
  );
  // Index jobs_incident_due already holds an incident's pending jobs in this order: no sort.
  const pendingFor = db.prepare<[string], Row>("SELECT * FROM jobs WHERE incident_id = ? AND status = 'pending' ORDER BY due_at, id");
  const hasPending = db.prepare<[string, string], number>("SELECT 1 FROM jobs INDEXED BY jobs_incident_due WHERE incident_id = ? AND status = 'pending' AND kind = ? LIMIT 1").pluck();
  const byId = db.prepare<[number], Row>('SELECT * FROM jobs WHERE id = ?');
  // Maintained by triggers (migration 015): one row read, whatever the number of jobs stored.
  const countOf = db.prepare<[string], number>('SELECT coalesce((SELECT n FROM job_counts WHERE status = ?), 0)').pluck();
  const pruner = finishedPruner(db);
  const hold = (holder: Pick<Job, 'id' | 'incidentId'>, until: Date, passing: readonly string[]) =>
    holder.incidentId ? holdBehind.run({ until: until.toISOString(), incidentId: holder.incidentId, id: holder.id, passing: JSON.stringify(passing) }).changes : 0;
  return {
    /** Returns the new job's id, or null when a job with the same idempotency key exists. */
    enqueue(job: NewJob, now: Date): number | null {
      const r = insert.run({
        kind: job.kind,
        dueAt: job.dueAt.toISOString(),
        payload: JSON.stringify(job.payload ?? {}),
        idemKey: job.idemKey ?? null,
        incidentId: job.incidentId ?? null,
        createdAt: now.toISOString(),
      });
      return r.changes === 1 ? Number(r.lastInsertRowid) : null;
    },
    /** Pending jobs due by `now`, in due order, leaving out the lanes given (those with a job running). */
    due: (now: Date, limit = 50, busyLanes: readonly string[] = []) =>
      (busyLanes.length === 0 ? dueAny(limit).all(now.toISOString()) : due(limit).all(now.toISOString(), JSON.stringify(busyLanes))).map(toJob),
    nextDueAt: (): Date | null => {
      const at = nextDue.get();
      return at ? new Date(at) : null;
    },
    /** Records that the job is about to send its first post (kept if it was set already). */
    markSending: (id: number, now: Date) => sending.run(now.toISOString(), id).changes === 1,
    markDone: (id: number, now: Date) => finish.run('done', now.toISOString(), null, id).changes === 1,
    markFailed: (id: number, now: Date, error: string) => finish.run('failed', now.toISOString(), error, id).changes === 1,
    reschedule: (id: number, dueAt: Date, error: string) => retry.run(dueAt.toISOString(), error, id).changes === 1,
    /**
     * Moves a job to later without spending an attempt: it waited on someone else (a rate limit, an open circuit,
     * pacing). With `holding` (the kinds that pass holds), the pending jobs of its incident queued after it, but for
     * those kinds, are put off with it, in their order (due, then queued), and run after it; in one transaction, so
     * the lane is never seen unheld behind it. Returns how many jobs were held.
     */
    putOff: db.transaction((job: Pick<Job, 'id' | 'incidentId'>, dueAt: Date, why: string, holding: readonly string[] | null): number => {
      if (postpone.run(dueAt.toISOString(), why, job.id).changes === 0 || !holding) return 0;
      return hold(job, dueAt, holding);
    }),
    /** Cancels an incident's pending jobs of the given kinds; returns how many. */
    cancel: (incidentId: string, kinds: readonly string[], now: Date) => cancelKinds.run(now.toISOString(), incidentId, JSON.stringify(kinds)).changes,
    pendingFor: (incidentId: string) => pendingFor.all(incidentId).map(toJob),
    /** Whether a job of `kind` for the incident waits to run (not one already running: it may have read the old state). */
    hasPending: (kind: string, incidentId: string): boolean => hasPending.get(incidentId, kind) !== undefined,
    get: (id: number) => {
      const r = byId.get(id);
      return r ? toJob(r) : null;
    },
    failedCount: () => countOf.get('failed') as number,
    pendingCount: () => countOf.get('pending') as number,
    /**
     * Deletes up to `limit` done or cancelled jobs that finished before `before`, oldest first, in one short
     * transaction; their idempotency keys stay spent. Failed jobs are kept: they wait for an operator. Returns how many.
     */
    pruneFinished: (before: Date, limit: number, now: Date) => pruner(before, limit, now),
  };
}

export type JobRepo = ReturnType<typeof jobRepo>;

function finishedPruner(db: Db) {
  const oldest = limitedStatement<[string], number>(
    db,
    (limit) => `SELECT id FROM jobs WHERE status IN ('done', 'cancelled') AND finished_at < ? ORDER BY finished_at, id LIMIT ${limit}`,
    (s) => s.pluck(),
  );
  const spend = db.prepare(
    'INSERT INTO job_spent_keys (idem_key, pruned_at) SELECT idem_key, ? FROM jobs WHERE id IN (SELECT value FROM json_each(?)) AND idem_key IS NOT NULL ON CONFLICT DO NOTHING',
  );
  const remove = db.prepare("DELETE FROM jobs WHERE id IN (SELECT value FROM json_each(?)) AND status IN ('done', 'cancelled')");
  return db.transaction((before: Date, limit: number, now: Date): number => {
    const ids = JSON.stringify(oldest(limit).all(before.toISOString()));
    spend.run(now.toISOString(), ids);
    return remove.run(ids).changes;
  });
}
