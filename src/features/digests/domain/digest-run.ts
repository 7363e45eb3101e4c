/** A recorded run of a digest: one per digest and scheduled instant. */
export type DigestRunStatus = 'queued' | 'posted' | 'skipped';

export interface DigestRun {
  key: string;
  runAt: Date;
  status: DigestRunStatus;
  lateMs: number;
  postedTs: string | null;
}

/** Where the runs are recorded (store/digest-runs.ts). */
export interface DigestRunRecords {
  /** Records a run; false when it was recorded before (a retry, a restart): nothing more to do for it. */
  record(key: string, runAt: Date, status: Exclude<DigestRunStatus, 'posted'>, lateMs: number, now: Date): boolean;
  get(key: string, runAt: Date): DigestRun | null;
  /** The latest run recorded of a digest (posted, queued or skipped). */
  lastOf(key: string): DigestRun | null;
  /** The runs skipped since the previous run posted (at most `limit`, the latest), oldest first: the digest names them. */
  skippedBefore(key: string, runAt: Date, limit: number): Date[];
  markPosted(key: string, runAt: Date, ts: string): void;
}
