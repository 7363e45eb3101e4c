import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../../src/platform/db/db.js';
import { SQLITE_AUTOCHECKPOINT, startWalCheckpointer, WRITER_BACKSTOP, type WalCheckpointer } from '../../../src/platform/db/wal-checkpointer.js';

const autocheckpoint = (db: Db) => db.pragma('wal_autocheckpoint', { simple: true }) as number;
/** Frames in the log now, by a checkpoint that can copy nothing (a reader holds nothing back here, so it is exact). */
const logFrames = (db: Db) => (db.pragma('wal_checkpoint(PASSIVE)') as Array<{ log: number }>)[0]?.log ?? -1;

async function until(what: string, ok: () => boolean, ms = 10_000): Promise<void> {
  for (const end = Date.now() + ms; !ok(); ) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('the WAL checkpointer (checkpoints in a worker thread, off the event loop)', () => {
  let dir: string;
  let path: string;
  let db: Db;
  let checkpointer: WalCheckpointer | null;
  const warnings: Array<Record<string, unknown>> = [];
  const logger = { warn: (obj: Record<string, unknown>) => void warnings.push(obj) } as never;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'warden-wal-'));
    path = join(dir, 'w.db');
    db = openDb(path);
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
    warnings.length = 0;
    checkpointer = null;
  });
  afterEach(async () => {
    await checkpointer?.stop();
    if (db.open) db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const write = (n: number) => {
    const insert = db.prepare('INSERT INTO t (body) VALUES (?)');
    for (let i = 0; i < n; i++) db.transaction(() => insert.run('x'.repeat(3000)))();
  };

  it('copies the log into the database file from the worker, and the log restarts from its start', async () => {
    checkpointer = startWalCheckpointer(db, path, { logger, everyMs: 20 });
    // The writer checkpoints only past the backstop: these 400 commits (one page or more each) are the worker's to copy.
    expect(autocheckpoint(db)).toBe(WRITER_BACKSTOP);
    write(400);
    const cp = checkpointer;
    await until('a checkpoint that caught up with 400 commits', () => (cp.state().last?.checkpointed ?? 0) >= 400 && cp.state().last?.checkpointed === cp.state().last?.log);
    expect(cp.state().by).toBe('worker');
    // The log is all in the file: the next commit starts the log again instead of growing it.
    write(1);
    expect(logFrames(db)).toBeLessThan(10);
    expect(warnings).toEqual([]);
  });

  it('hands checkpointing back to the writer when stopped', async () => {
    checkpointer = startWalCheckpointer(db, path, { logger });
    await checkpointer.stop();
    expect(autocheckpoint(db)).toBe(SQLITE_AUTOCHECKPOINT);
    expect(checkpointer.state().by).toBe('event loop');
    expect(warnings).toEqual([]);
  });

  it('says so, and lets the writer checkpoint again, when the worker cannot work', async () => {
    checkpointer = startWalCheckpointer(db, join(dir, 'missing.db'), { logger });
    const cp = checkpointer;
    await until('the worker to stop', () => cp.state().by === 'event loop');
    expect(autocheckpoint(db)).toBe(SQLITE_AUTOCHECKPOINT);
    expect(warnings).toEqual([
      expect.objectContaining({ problem: expect.stringMatching(/^cannot open .*missing\.db: unable to open database file$/) }),
      expect.objectContaining({ code: 1 }),
    ]);
    // Without the worker the writer keeps the log bounded itself, as SQLite does by default.
    write(1500);
    expect(logFrames(db)).toBeLessThan(SQLITE_AUTOCHECKPOINT + 10);
    expect(existsSync(join(dir, 'missing.db'))).toBe(false);
  });

  it('does nothing for an in-memory database, which has no log', async () => {
    const memory = openDb(':memory:');
    const none = startWalCheckpointer(memory, ':memory:', { logger });
    expect(none.state()).toEqual({ by: 'event loop', last: null });
    await none.stop();
    memory.close();
  });
});
