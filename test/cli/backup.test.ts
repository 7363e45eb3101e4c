import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { generateKeyPairSync } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { defaultsConfigFile } from '../support/defaults-config.js';
import { runBackup, runRestore } from '../../src/cli/commands/backup.js';
import { runCli } from '../../src/cli/run-cli.js';
import { auditReport } from '../support/audit-report.js';
import { openDb } from '../../src/platform/db/db.js';
import { appendAudit, fingerprint, seedLive, T0 } from '../features/backups/seed.js';

const root = mkdtempSync(join(tmpdir(), 'warden-cli-backup-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let dir: string;
let live: string;
let env: NodeJS.ProcessEnv;
let n = 0;

beforeEach(() => {
  dir = join(root, `case-${++n}`);
  live = join(dir, 'data', 'warden.db');
  env = { WARDEN_DB: live, WARDEN_CONFIG: defaultsConfigFile(dir) };
  seedLive(live); // 20 audit entries, and 40 timeline lines each with its own: 60
});

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) }, out, err, text: () => [...out, ...err].join('\n') };
}

const LATER = () => new Date('2026-12-02T09:00:00.000Z');

async function backup(path: string, e = env) {
  const o = io();
  const code = await runBackup([path], o.io, e, LATER);
  return { code, text: o.text() };
}

async function restore(args: string[], now = LATER, e = env) {
  const o = io();
  const code = await runRestore(args, o.io, e, now);
  return { code, text: o.text() };
}

/** A fresh, checked backup of the seeded live database. */
async function aBackup(name = 'b.db') {
  const path = join(dir, name);
  expect((await backup(path)).code).toBe(0);
  return path;
}

describe('warden backup', () => {
  it('when asked for a backup, then the copy, its sha256sum sidecar, a row and a backup.taken audit entry exist', async () => {
    const path = join(dir, 'out', 'b.db');
    const r = await backup(path);
    expect(r.code).toBe(0);
    expect(r.text).toContain('audit head: 60 entries');
    const sha = readFileSync(`${path}.sha256`, 'utf8');
    expect(sha).toMatch(/^[0-9a-f]{64} {2}b\.db\n$/);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['b.db', 'b.db.sha256']);
    const db = openDb(live);
    const row = db.prepare("SELECT kind, status, sha256, audit_entries, data_as_of FROM backups").get();
    const last = db.prepare("SELECT action, details FROM audit_log ORDER BY seq DESC LIMIT 1").get() as { action: string; details: string };
    db.close();
    expect(row).toEqual({ kind: 'manual', status: 'ok', sha256: sha.slice(0, 64), audit_entries: 60, data_as_of: new Date(T0.getTime() + 20 * 60_000).toISOString() });
    expect(last.action).toBe('backup.taken');
    expect(JSON.parse(last.details)).toMatchObject({ path, sha256: sha.slice(0, 64), auditEntries: 60 });
    // The copy is one self-contained file: no WAL mode, so nothing beside it to lose.
    const copy = new Database(path, { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    copy.close();
  });

  it('when WARDEN_DB does not exist, then it is an error and no empty database is created', async () => {
    const missing = join(dir, 'nope', 'warden.db');
    const r = await runCli(['backup', join(dir, 'b.db')], io().io, { ...env, WARDEN_DB: missing });
    expect(r).toBe(1);
    expect(existsSync(missing)).toBe(false);
    expect(existsSync(join(dir, 'b.db'))).toBe(false);
  });

  it('when the destination exists, then it is refused and the file is left as it was', async () => {
    const path = join(dir, 'taken.db');
    writeFileSync(path, 'keep me');
    const o = io();
    expect(await runCli(['backup', path], o.io, env)).toBe(1);
    expect(o.text()).toContain('already exists');
    expect(readFileSync(path, 'utf8')).toBe('keep me');
  });

  it('when a second connection writes in a loop during the backup, then the backup restores to a consistent database holding a prefix of the writes', async () => {
    const big = join(dir, 'big', 'warden.db');
    seedLive(big, { entries: 20, incidents: 4000 }); // about 5 MB: several steps of the online copy
    const writer = openDb(big);
    let written = 0;
    let writing = true;
    const loop = () => {
      if (!writing) return;
      appendAudit(writer, 1, 21 + written);
      written += 1;
      setImmediate(loop);
    };
    setImmediate(loop);
    const path = join(dir, 'busy.db');
    const r = await backup(path, { ...env, WARDEN_DB: big });
    writing = false;
    const duringBackup = written;
    writer.close();
    expect(r.code).toBe(0);
    expect(duringBackup).toBeGreaterThan(0);

    const target = { ...env, WARDEN_DB: join(dir, 'restored', 'warden.db') };
    expect((await restore([path], LATER, target)).code).toBe(0);
    const db = openDb(target.WARDEN_DB);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const verdict = await auditReport(db);
    const writes = db.prepare("SELECT json_extract(details, '$.n') FROM audit_log WHERE action = 'test.write' ORDER BY seq").pluck().all() as number[];
    db.close();
    expect(verdict.problems).toEqual([]);
    // Every entry up to some point, in order, none missing and none after: a prefix.
    expect(writes).toEqual(Array.from({ length: writes.length }, (_, i) => i + 1));
    expect(writes.length).toBeGreaterThanOrEqual(20);
    expect(writes.length).toBeLessThanOrEqual(20 + duringBackup);
  });

  it('when listing, then every recorded backup shows, newest first, also as JSON', async () => {
    await aBackup('one.db');
    await aBackup('two.db');
    const o = io();
    expect(await runBackup(['list', '--json'], o.io, env, LATER)).toBe(0);
    const rows = JSON.parse(o.out.join('\n')) as { path: string; kind: string; status: string; sha256: string }[];
    expect(rows.map((r) => [r.path.endsWith('two.db') || r.path.endsWith('one.db'), r.kind, r.status])).toEqual([
      [true, 'manual', 'ok'],
      [true, 'manual', 'ok'],
    ]);
    const t = io();
    expect(await runBackup(['list'], t.io, env, LATER)).toBe(0);
    expect(t.out.join('\n')).toContain(join(dir, 'one.db'));
  });
});

/** Overwrites `bytes` bytes at `offset` with 0x55. */
function scribble(path: string, offset: number, bytes: number) {
  const fd = openSync(path, 'r+');
  writeSync(fd, Buffer.alloc(bytes, 0x55), 0, bytes, offset);
  closeSync(fd);
}

describe('warden restore refuses a bad backup without touching the live database', () => {
  const refusals: [string, (path: string) => void | Promise<void>, number, RegExp][] = [
    ['missing', (p) => rmSync(p), 3, /no backup at/],
    ['not SQLite', (p) => writeFileSync(p, 'just some text, not a database at all, but longer than a header would be. '.repeat(3)), 4, /not a SQLite database/],
    ['truncated', (p) => truncateSync(p, Math.floor(readFileSync(p).length / 2)), 5, /truncated/],
    ['bytes flipped, sidecar there', (p) => scribble(p, 4096 * 3, 4096 * 2), 6, /does not match .*\.sha256/],
    ['bytes flipped', (p) => { scribble(p, 4096 * 3, 4096 * 2); rmSync(`${p}.sha256`); }, 7, /fails integrity_check/],
    ['sidecar of another file', (p) => writeFileSync(`${p}.sha256`, `${'0'.repeat(64)}  b.db\n`), 6, /does not match/],
    ['a newer Warden', (p) => { rmSync(`${p}.sha256`); const db = new Database(p); db.prepare("INSERT INTO schema_migrations VALUES (99, '099-future.sql', 'x')").run(); db.close(); }, 8, /099 099-future\.sql/],
    ['another application', (p) => { rmSync(p); rmSync(`${p}.sha256`); const db = new Database(p); db.exec('CREATE TABLE orders (id INTEGER)'); db.close(); }, 8, /not a Warden database/],
    ['an edited audit entry', (p) => { rmSync(`${p}.sha256`); const db = new Database(p); db.exec("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'UMALLORY' WHERE seq = 5"); db.close(); }, 9, /audit chain does not verify: edited: entry 5 .* was edited/],
  ];

  it.each(refusals)('when the backup is %s, then it is refused with its own code', async (_what, spoil, code, message) => {
    const path = await aBackup();
    await spoil(path);
    const before = fingerprint(live);
    const listing = readdirSync(dirnameOf(live)).sort();
    for (const args of [[path], ['--check', path]]) {
      const r = await restore(args);
      expect(r.code).toBe(code);
      expect(r.text).toMatch(message);
      expect(r.text).toContain('the live database was not touched');
    }
    expect(fingerprint(live)).toBe(before);
    expect(readdirSync(dirnameOf(live)).sort()).toEqual(listing);
  });

  it('when Warden holds the live database open, then the restore is refused: stop Warden first', async () => {
    const path = await aBackup();
    const running = openDb(live);
    const before = fingerprint(live);
    const r = await restore([path]);
    const after = fingerprint(live);
    running.close();
    expect(r.code).toBe(10);
    expect(r.text).toContain('stop Warden first');
    expect(after).toBe(before);
  });
});

const dirnameOf = (p: string) => join(p, '..');

describe('warden restore', () => {
  it('when the backup checks out, then it replaces the live database, keeps the old one aside and records the restore', async () => {
    const path = await aBackup();
    const db = openDb(live);
    appendAudit(db, 5, 100); // written after the backup: the replaced database keeps them
    db.close();
    const replacedBytes = fingerprint(live);
    const r = await restore([path]);
    expect(r.code).toBe(0);
    expect(r.text).toContain('60 audit entries');
    const aside = readdirSync(dirnameOf(live)).filter((f) => f.startsWith('warden.db.replaced-'));
    expect(aside).toEqual(['warden.db.replaced-20261202T090000Z']);
    expect(fingerprint(join(dirnameOf(live), aside[0] ?? ''))).toBe(replacedBytes);
    const old = new Database(join(dirnameOf(live), aside[0] ?? ''), { readonly: true });
    expect(old.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(66);
    old.close();
    const now = openDb(live);
    const actions = now.prepare('SELECT action FROM audit_log ORDER BY seq').pluck().all() as string[];
    const verdict = await auditReport(now);
    now.close();
    expect(actions).toHaveLength(61);
    expect(actions.at(-1)).toBe('backup.restored');
    expect(verdict.problems).toEqual([]);
  });

  it('when a hook is given, then it runs once, on the database in place, before backup.restored is appended', async () => {
    const path = await aBackup();
    const headOf = (file: string) => {
      const db = new Database(file, { readonly: true });
      const head = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string };
      db.close();
      return { entries: head.seq, head: head.hash };
    };
    const seen: unknown[] = [];
    const o = io();
    expect(await runRestore([path], o.io, env, LATER, { afterRestore: (r) => seen.push({ ...r, inPlace: headOf(r.path) }) })).toBe(0);
    const backupHead = headOf(path);
    expect(seen).toEqual([{ ...backupHead, path: live, inPlace: backupHead }]);
    expect(headOf(live).entries).toBe(backupHead.entries + 1);
  });

  it('when checkpoints are signed, then the restore signs one of the restored head and warden audit verify accepts the restored chain', async () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    // Timeline rows are hashed into audit entries by Warden: the seed's raw ones would fail verify on their own.
    const signedLive = join(dir, 'signed', 'warden.db');
    seedLive(signedLive, { incidents: 0 });
    const signed = { ...env, WARDEN_DB: signedLive, WARDEN_AUDIT_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), WARDEN_AUDIT_CHECKPOINTS: join(dir, 'checkpoints.jsonl') };
    const path = join(dir, 'b.db');
    expect((await backup(path, signed)).code).toBe(0);
    const db = openDb(signedLive);
    appendAudit(db, 5, 100); // lost by the restore, though a checkpoint covers them
    db.close();
    expect(await runCli(['audit', 'checkpoint'], io().io, signed)).toBe(0);
    const r = await restore([path], LATER, signed);
    expect(r.code).toBe(0);
    expect(r.text).toContain('signed a restore checkpoint of entry 20');
    const lines = readFileSync(signed.WARDEN_AUDIT_CHECKPOINTS, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { kind: string; count: number });
    expect(lines.map((l) => [l.kind, l.count])).toEqual([['checkpoint', 26], ['restore', 20]]);
    const verify = io();
    expect(await runCli(['audit', 'verify'], verify.io, signed)).toBe(0);
    expect(verify.text()).toContain('audit chain ok: 21 entries');
  });

  it('when the backup holds a whole, consistent chain that is not the one signed (another Warden’s, or one rewritten), then the checkpoints refuse it and nothing changes', async () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const ours = join(dir, 'ours', 'warden.db');
    seedLive(ours, { incidents: 0 });
    const signed = { ...env, WARDEN_DB: ours, WARDEN_AUDIT_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), WARDEN_AUDIT_CHECKPOINTS: join(dir, 'ours-checkpoints.jsonl') };
    expect(await runCli(['audit', 'checkpoint'], io().io, signed)).toBe(0);
    const theirs = join(dir, 'theirs', 'warden.db');
    seedLive(theirs, { entries: 0, incidents: 0 });
    const db = openDb(theirs);
    appendAudit(db, 25, 500); // a whole, consistent chain of its own: entry 20 is not the one our checkpoint signed
    db.close();
    const foreign = join(dir, 'foreign.db');
    expect((await backup(foreign, { ...env, WARDEN_DB: theirs })).code).toBe(0);
    const before = fingerprint(ours);
    const r = await restore([foreign], LATER, signed);
    expect(r.code).toBe(9);
    expect(r.text).toMatch(/the audit chain does not verify: rewritten: entry 20 does not match the checkpoint signed at/);
    expect(fingerprint(ours)).toBe(before);
  });

  it('when the audit check port refuses, then so does the restore', async () => {
    const path = await aBackup();
    const o = io();
    expect(await runRestore([path], o.io, env, LATER, { auditCheck: () => ({ ok: false, problem: 'checkpoint 3 does not match' }) })).toBe(9);
    expect(o.text()).toContain('checkpoint 3 does not match');
  });

  it('when drilling (--check), then it reports how old the data is and changes nothing', async () => {
    const path = await aBackup();
    const before = { live: fingerprint(live), backup: fingerprint(path), files: readdirSync(dir).sort(), liveFiles: readdirSync(dirnameOf(live)).sort() };
    const newest = new Date(T0.getTime() + 20 * 60_000);
    const r = await restore(['--check', path], () => new Date(newest.getTime() + 65 * 60_000));
    expect(r.code).toBe(0);
    expect(r.text).toContain(`restorable: data as of ${newest.toISOString()} (1h 05m old)`);
    expect({ live: fingerprint(live), backup: fingerprint(path), files: readdirSync(dir).sort(), liveFiles: readdirSync(dirnameOf(live)).sort() }).toEqual(before);
  });

  it('when the live database is gone (a new host), then the backup is restored with nothing to keep aside', async () => {
    const path = await aBackup();
    const fresh = { ...env, WARDEN_DB: join(dir, 'new-host', 'warden.db') };
    const r = await restore([path], LATER, fresh);
    expect(r.code).toBe(0);
    expect(r.text).toContain('there was no database to replace');
    expect(readdirSync(join(dir, 'new-host'))).toEqual(['warden.db']);
  });

  it('when called without a path, then it prints its usage', async () => {
    expect((await restore([])).code).toBe(2);
    expect((await restore(['--check'])).code).toBe(2);
  });
});
