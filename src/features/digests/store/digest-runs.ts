import type { Db } from '../../../platform/db/db.js';
import type { DigestRun, DigestRunRecords, DigestRunStatus } from '../domain/digest-run.js';

interface Row {
  digest_key: string;
  run_at: string;
  status: string;
  late_ms: number;
  posted_ts: string | null;
}

const toRun = (r: Row): DigestRun => ({ key: r.digest_key, runAt: new Date(r.run_at), status: r.status as DigestRunStatus, lateMs: r.late_ms, postedTs: r.posted_ts });

/** The runs of the digests: one row per digest and scheduled instant (its primary key keeps a run to one post). */
export function digestRunRepo(db: Db): DigestRunRecords {
  const insert = db.prepare(`INSERT INTO digest_runs (digest_key, run_at, status, late_ms, recorded_at) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT(digest_key, run_at) DO NOTHING`);
  const get = db.prepare<[string, string], Row>('SELECT * FROM digest_runs WHERE digest_key = ? AND run_at = ?');
  const last = db.prepare<[string], Row>('SELECT * FROM digest_runs WHERE digest_key = ? ORDER BY run_at DESC LIMIT 1');
  // The skipped runs since the last one posted or queued before `run_at` (the primary key serves both reads).
  const skipped = db.prepare<[string, string, string, string, number], string>(`SELECT run_at FROM digest_runs WHERE digest_key = ? AND status = 'skipped' AND run_at < ?
    AND run_at > coalesce((SELECT max(run_at) FROM digest_runs WHERE digest_key = ? AND status != 'skipped' AND run_at < ?), '') ORDER BY run_at DESC LIMIT ?`).pluck();
  const posted = db.prepare("UPDATE digest_runs SET status = 'posted', posted_ts = ? WHERE digest_key = ? AND run_at = ?");
  return {
    /** Records a run; false when it was recorded before (a retry, a restart): nothing more to do for it. */
    record: (key: string, runAt: Date, status: Exclude<DigestRunStatus, 'posted'>, lateMs: number, now: Date): boolean =>
      insert.run(key, runAt.toISOString(), status, lateMs, now.toISOString()).changes === 1,
    get: (key: string, runAt: Date): DigestRun | null => {
      const r = get.get(key, runAt.toISOString());
      return r ? toRun(r) : null;
    },
    /** The latest run recorded of a digest (posted, queued or skipped). */
    lastOf: (key: string): DigestRun | null => {
      const r = last.get(key);
      return r ? toRun(r) : null;
    },
    skippedBefore: (key: string, runAt: Date, limit: number): Date[] =>
      (skipped.all(key, runAt.toISOString(), key, runAt.toISOString(), limit) as string[]).map((at) => new Date(at)).reverse(),
    markPosted: (key: string, runAt: Date, ts: string): void => void posted.run(ts, key, runAt.toISOString()),
  };
}
