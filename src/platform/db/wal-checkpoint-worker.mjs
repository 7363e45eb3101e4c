// Checkpoints the database's write-ahead log from a worker thread, on its own connection, so that copying WAL pages
// into the database file (and the fsyncs that go with it) never runs on the event loop that answers Slack
// (see wal-checkpointer.ts). Plain JavaScript: it runs as is, from src/ or dist/.
import process from 'node:process';
import { clearTimeout, setTimeout } from 'node:timers';
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const { path, everyMs, catchUpMs } = workerData;
let timer = null;
let db = null;
let lastLog = 0;

/** One PASSIVE checkpoint: it copies what no reader still needs and never waits for, nor blocks, the writer. */
function checkpoint() {
  const [result] = db.pragma('wal_checkpoint(PASSIVE)');
  parentPort.postMessage({ type: 'checkpointed', log: result.log, checkpointed: result.checkpointed });
  // While the writer is writing (the log moved, or it committed during this checkpoint), check again soon: the
  // log is then caught up often enough to restart from its start, and the writer's backstop finds little to copy.
  const writing = result.log !== lastLog || result.checkpointed < result.log;
  lastLog = result.log;
  timer = setTimeout(tick, writing ? catchUpMs : everyMs);
}

function tick() {
  try {
    checkpoint();
  } catch (error) {
    parentPort.postMessage({ type: 'failed', problem: error instanceof Error ? error.message : String(error) });
    stop(1);
  }
}

function stop(code) {
  clearTimeout(timer);
  db?.close();
  process.exit(code);
}

parentPort.on('message', (message) => {
  if (message === 'stop') stop(0);
});

try {
  db = new Database(path, { fileMustExist: true });
  db.pragma('busy_timeout = 1000');
  // A checkpoint copies frames from the log into the file through no page cache: a small one bounds its memory.
  db.pragma('cache_size = -64');
  timer = setTimeout(tick, everyMs);
} catch (error) {
  parentPort.postMessage({ type: 'failed', problem: `cannot open ${path}: ${error instanceof Error ? error.message : String(error)}` });
  process.exit(1);
}
