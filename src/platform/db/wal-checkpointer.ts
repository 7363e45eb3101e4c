import { Worker } from 'node:worker_threads';
import type { Logger } from '../logger.js';
import type { Db } from './db.js';

/** SQLite's own default: after a commit leaves this many frames in the log, that connection checkpoints. */
export const SQLITE_AUTOCHECKPOINT = 1000;
/**
 * While the worker checkpoints, the writer still does past this many frames (about 40 MB): under writes without a
 * pause the worker's checkpoints never quite catch up, and only a checkpoint on the writer itself, between its
 * commits, lets the log restart from its start. By then the worker has copied all but the last few milliseconds.
 */
export const WRITER_BACKSTOP = 10_000;
/** The worker holds next to nothing: bounded heaps, so a fault in it cannot grow Warden's memory (it costs about 9 MiB RSS). */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 8, maxYoungGenerationSizeMb: 1 };
/** A log that grew past this (a burst of writes) is cut back to it once it restarts. */
const JOURNAL_SIZE_LIMIT = 64 * 2 ** 20;

export interface WalCheckpointState {
  /** `worker` while the worker thread checkpoints; `event loop` when SQLite's own checkpoint after commits does. */
  by: 'worker' | 'event loop';
  /** When the worker last checkpointed, with the log's frames then and how many of them are in the database file. */
  last: { at: string; log: number; checkpointed: number } | null;
}

/** What a database's checkpointing is while no worker does it: SQLite's own, after commits. */
export const ON_THE_EVENT_LOOP: WalCheckpointState = { by: 'event loop', last: null };

export interface WalCheckpointer {
  state(): WalCheckpointState;
  /** Stops the worker and hands checkpointing back to the connection (whose close checkpoints what is left). */
  stop(): Promise<void>;
}

type Message = { type: 'checkpointed'; log: number; checkpointed: number } | { type: 'failed'; problem: string };

export interface WalCheckpointerOptions {
  logger: Pick<Logger, 'warn'>;
  /** Between checkpoints while the log is still (nothing written since the last one). */
  everyMs?: number;
  /** Between checkpoints while the writer writes. */
  catchUpMs?: number;
}

/**
 * Moves the WAL checkpoint off the event loop. By default SQLite checkpoints on the connection that commits, every
 * 1,000 frames: on Warden's one writer that is one declare in about thirty whose commit also copies some thousand
 * pages into the database file and fsyncs it, about 5 ms during which no ack is sent. Here the writer's own
 * checkpoint waits for 10,000 frames (see WRITER_BACKSTOP) and a worker thread with its own connection runs PASSIVE
 * checkpoints (they never block the writer) every 100 ms while the log moves, every 250 ms while it is still. A
 * checkpoint copies a page once however many commits wrote it, and every declare rewrites the same few index and
 * counter pages: at 200 declares a second, every 20 ms cost the worker 0.17-0.19 ms of CPU per declare, every 100 ms
 * 0.065-0.07 ms (the process: 2.51-3.00 against 2.91-3.39x bare Bolt's CPU in four alternating runs). The log then
 * restarts at the writer's backstop rather than sooner (about 40 MB on disk); the declare ack p99 showed no
 * difference above the noise (medians 9.8 ms over 12 runs and 8.6 ms over 9, both spread 5-16 ms). With
 * `synchronous = NORMAL`, a power cut (not a process crash) can lose what was committed since the last checkpoint:
 * up to about 100 ms. If the worker stops, the writer checkpoints again as SQLite does by default, and a warning
 * says so: the log never grows unchecked. An in-memory database has no log.
 */
export function startWalCheckpointer(db: Db, path: string, opts: WalCheckpointerOptions): WalCheckpointer {
  let state = ON_THE_EVENT_LOOP;
  if (db.memory || path === ':memory:') return { state: () => state, stop: async () => undefined };
  const { logger, everyMs = 250, catchUpMs = 100 } = opts;
  const handBack = () => {
    db.pragma(`wal_autocheckpoint = ${SQLITE_AUTOCHECKPOINT}`);
    state = { ...state, by: 'event loop' };
  };
  db.pragma(`wal_autocheckpoint = ${WRITER_BACKSTOP}`);
  db.pragma(`journal_size_limit = ${JOURNAL_SIZE_LIMIT}`);
  state = { by: 'worker', last: null };
  // No execArgv: the worker is plain JavaScript, and a loader the parent runs under (tsx) would double its start.
  const worker = new Worker(new URL('./wal-checkpoint-worker.mjs', import.meta.url), { workerData: { path, everyMs, catchUpMs }, execArgv: [], resourceLimits: WORKER_LIMITS });
  worker.unref();
  let stopping = false;
  worker.on('message', (m: Message) => {
    if (m.type === 'checkpointed') state = { ...state, last: { at: new Date().toISOString(), log: m.log, checkpointed: m.checkpointed } };
    if (m.type === 'failed') logger.warn({ problem: m.problem }, 'the WAL checkpoint worker failed');
  });
  worker.on('error', (error) => logger.warn({ problem: error.message }, 'the WAL checkpoint worker failed'));
  const exited = new Promise<void>((resolve) =>
    worker.once('exit', (code) => {
      if (!db.open) return resolve();
      handBack();
      if (!stopping) logger.warn({ code }, 'the WAL checkpoint worker stopped: commits checkpoint the log again, as SQLite does by default');
      resolve();
    }),
  );
  return {
    state: () => state,
    async stop() {
      stopping = true;
      // Unref'd while it runs (it never keeps Warden alive on its own); waited for now, or the process could end first.
      worker.ref();
      worker.postMessage('stop');
      await exited;
    },
  };
}
