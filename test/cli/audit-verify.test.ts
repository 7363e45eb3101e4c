import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { ALL_MIGRATIONS } from '../../src/compose-features.js';
import { auditHash, auditRepo, checkpointLine, signCheckpoint } from '../../src/features/audit/index.js';
import { recordChange } from '../../src/features/incidents/app/record.js';
import { createStore } from '../../src/features/incidents/store/store.js';
import { migrate, openDb, type Db } from '../../src/platform/db/db.js';
import { rehashAuditRows, swapAuditRows, withGuardsLifted } from '../support/audit-tamper.js';

let dir: string;
let out: string[];
let err: string[];
const io = { out: (s: string) => void out.push(s), err: (s: string) => void err.push(s) };
let env: NodeJS.ProcessEnv;

const cli = (...args: string[]) => runCli(['audit', ...args], io, env);
const checkpointsPath = () => join(dir, 'audit-checkpoints.jsonl');

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'warden-audit-'));
  out = [];
  err = [];
  env = { WARDEN_DB: join(dir, 'warden.db'), WARDEN_AUDIT_KEY_FILE: join(dir, 'audit.pem') };
  expect(await runCli(['audit', 'keygen', '--out', join(dir, 'audit.pem')], io, {})).toBe(0);
  writeFileSync(join(dir, 'public.pem'), `${out.join('\n')}\n`);
  out = [];
  err = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A database with `n` incident changes recorded as Warden records them (timeline row + audit entry carrying its hash). */
function seed(n: number, from = 1): void {
  const db = openDb(join(dir, 'warden.db'));
  migrate(db, ALL_MIGRATIONS);
  const store = createStore(db);
  if (from === 1) db.prepare("INSERT INTO incidents (id, title, type, severity, status, declared_by, declared_at) VALUES ('INC-2026-0001', 't', 'security', 'sev1', 'investigating', 'UALICE', '2026-11-22T09:00:00.000Z')").run();
  for (let i = from; i < from + n; i++) {
    const at = new Date(Date.UTC(2026, 10, 22, 9, i));
    store.transaction(() => recordChange(store, { incidentId: 'INC-2026-0001', actor: 'UALICE', at, kind: 'note', text: `note ${i} «é» "quoted" \\ 😀`, action: 'incident.note_added', data: { n: i, nested: { b: 1, a: [1, 2.5] } } }));
  }
  db.close();
}

/** Raw access as an attacker with the file has it: the guards lifted for `fn`, then put back as they were. */
function tamper(fn: (db: Db) => void): void {
  const db = openDb(join(dir, 'warden.db'));
  withGuardsLifted(db, () => fn(db));
  db.close();
}

/** Recomputes every hash from entry `from` on, as an attacker covering an edit would. */
const rehashFrom = (db: Db, from: number): void => rehashAuditRows(db, from);

describe('warden audit verify', () => {
  it('when nothing was touched, then the chain, the timeline and every checkpoint verify', async () => {
    seed(3);
    expect(await cli('checkpoint')).toBe(0);
    seed(2, 4);
    expect(await cli('checkpoint')).toBe(0);
    expect(await cli('verify')).toBe(0);
    expect(out.join('\n')).toContain('audit chain ok: 5 entries');
    expect(out.join('\n')).toMatch(/signed: the checkpoint of .* \(line 2\) covers entries 1 to 5/);
    expect(err).toEqual([]);
  });

  it('when entries came after the last checkpoint, then it verifies and warns they are not signed yet', async () => {
    seed(3);
    await cli('checkpoint');
    seed(2, 4);
    expect(await cli('verify')).toBe(0);
    expect(err.join('\n')).toMatch(/entries 4 to 5 came after the last checkpoint .* not signed yet/);
  });

  it('when an entry is edited, then it names that entry and exits 3', async () => {
    seed(4);
    await cli('checkpoint');
    tamper((db) => db.prepare("UPDATE audit_log SET actor = 'UMALLORY' WHERE seq = 2").run());
    expect(await cli('verify')).toBe(3);
    expect(err.join('\n')).toContain('audit FAILED (edited, entry 2): entry 2 (incident.note_added at 2026-11-22T09:02:00.000Z) was edited');
  });

  it('when text is moved from the details into incident_id, keeping the hashed text and so the hash, then that entry is named (exit 3)', async () => {
    seed(2);
    const db = openDb(join(dir, 'warden.db'));
    auditRepo(db).append({ at: '2026-11-22T10:00:00.000Z', actor: 'UALICE', action: 'incident.linked', incidentId: 'INC-2026-0001', details: { a: 'x', incidentId: 'INC-2026-0002' } });
    db.close();
    await cli('checkpoint');
    tamper((db) => db.prepare(`UPDATE audit_log SET details = '{"a":"x"', incident_id = 'INC-2026-0002"},"incidentId":"INC-2026-0001' WHERE seq = 3`).run());
    expect(await cli('verify')).toBe(3);
    expect(err.join('\n')).toContain('audit FAILED (edited, entry 3): entry 3 (incident.linked at 2026-11-22T10:00:00.000Z) was edited');
  });

  it('when an entry is edited and only its own hash recomputed, then the entry itself is named (exit 3)', async () => {
    seed(4);
    tamper((db) => {
      db.prepare("UPDATE audit_log SET actor = 'UMALLORY' WHERE seq = 2").run();
      const r = db.prepare("SELECT * FROM audit_log WHERE seq = 2").get() as { prev_hash: string; at: string; action: string; incident_id: string; details: string };
      db.prepare('UPDATE audit_log SET hash = ? WHERE seq = 2').run(auditHash(r.prev_hash, 2, { at: r.at, actor: 'UMALLORY', action: r.action, incidentId: r.incident_id, details: JSON.parse(r.details) as Record<string, unknown> }));
    });
    expect(await cli('verify')).toBe(3);
    expect(err.join('\n')).toContain('entry 2 was edited and its hash recomputed: entry 3 still links to its original hash');
  });

  it('when an entry is deleted, then it names the missing entry and exits 4', async () => {
    seed(5);
    tamper((db) => db.prepare('DELETE FROM audit_log WHERE seq = 3').run());
    expect(await cli('verify')).toBe(4);
    expect(err.join('\n')).toContain('entry 3 is missing (deleted): entry 4 follows entry 2');
  });

  it('when two neighbouring entries are swapped, then it names the first and exits 5', async () => {
    seed(5);
    tamper((db) => swapAuditRows(db, 2, 3));
    expect(await cli('verify')).toBe(5);
    expect(err.join('\n')).toContain("entry 2 holds entry 3's content: entries were swapped or moved");
  });

  it('when two distant entries are swapped, then it names the first and what it holds', async () => {
    seed(6);
    tamper((db) => swapAuditRows(db, 2, 5));
    expect(await cli('verify')).toBe(5);
    expect(err.join('\n')).toContain("entry 2 holds entry 5's content");
  });

  it('when the tail is cut off below the last checkpoint, then it says how many entries are gone and exits 6', async () => {
    seed(6);
    await cli('checkpoint');
    tamper((db) => db.prepare('DELETE FROM audit_log WHERE seq > 4').run());
    expect(await cli('verify')).toBe(6);
    expect(err.join('\n')).toMatch(/the chain holds 4 entries but the checkpoint signed at .* \(line 1\) covers 6: entries 5 to 6 were cut off/);
  });

  it('when an entry is edited and every hash after it recomputed, then the signed checkpoint catches it (exit 7) and bounds where', async () => {
    seed(3);
    await cli('checkpoint');
    seed(3, 4);
    await cli('checkpoint');
    tamper((db) => {
      db.prepare("UPDATE audit_log SET actor = 'UMALLORY' WHERE seq = 5").run();
      rehashFrom(db, 5);
    });
    expect(await cli('verify')).toBe(7);
    expect(err.join('\n')).toMatch(/entry 6 does not match the checkpoint signed at .* \(line 2\): the chain was rewritten after entry 3 \(which matches the checkpoint on line 1\)/);
  });

  it('when the attacker also appends a checkpoint for the rewritten chain, signed with their own key, then it is forged (exit 8)', async () => {
    seed(4);
    await cli('checkpoint');
    tamper((db) => {
      db.prepare("UPDATE audit_log SET actor = 'UMALLORY' WHERE seq = 2").run();
      rehashFrom(db, 2);
    });
    const db = openDb(join(dir, 'warden.db'));
    const head = db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get()!;
    db.close();
    const lines = readFileSync(checkpointsPath(), 'utf8').trim().split('\n');
    const last = JSON.parse(lines.at(-1)!) as { sig: string };
    const mallory = generateKeyPairSync('ed25519').privateKey;
    const forged = signCheckpoint({ kind: 'checkpoint', count: head.seq, head: head.hash, at: '2026-12-02T11:00:00.000Z', prev: last.sig }, mallory);
    writeFileSync(checkpointsPath(), `${lines.join('\n')}\n${checkpointLine(forged)}\n`);
    expect(await cli('verify')).toBe(8);
    expect(err.join('\n')).toContain('checkpoint line 2: the signature does not verify with the public key (forged or altered)');
  });

  it('when a signed checkpoint is altered, then its signature fails (exit 8)', async () => {
    seed(3);
    await cli('checkpoint');
    const text = readFileSync(checkpointsPath(), 'utf8');
    writeFileSync(checkpointsPath(), text.replace('"count":3', '"count":2'));
    expect(await cli('verify')).toBe(8);
  });

  it('when a checkpoint line is removed from the middle, then the checkpoint chain breaks (exit 9)', async () => {
    seed(1);
    for (const n of [2, 3, 4]) {
      await cli('checkpoint');
      seed(1, n);
    }
    const lines = readFileSync(checkpointsPath(), 'utf8').trim().split('\n');
    writeFileSync(checkpointsPath(), `${[lines[0], lines[2]].join('\n')}\n`);
    expect(await cli('verify')).toBe(9);
    expect(err.join('\n')).toContain("checkpoint line 2 does not chain from line 1's signature");
  });

  it('when the append-only trigger is dropped, then the missing guard is named (exit 10)', async () => {
    seed(2);
    await cli('checkpoint');
    const db = openDb(join(dir, 'warden.db'));
    db.exec('DROP TRIGGER audit_log_no_delete');
    // Replaced by a trigger of the same name that lets every change through.
    db.exec('DROP TRIGGER timeline_no_update; CREATE TRIGGER timeline_no_update BEFORE UPDATE ON timeline BEGIN SELECT 1; END;');
    db.close();
    expect(await cli('verify')).toBe(10);
    expect(err.join('\n')).toContain('the append-only guard is gone: audit_log_no_delete, timeline_no_update');
  });

  it('when a timeline row is edited, deleted or slipped in, then the row is located (exit 11)', async () => {
    seed(3);
    await cli('checkpoint');
    tamper((db) => db.prepare("UPDATE timeline SET text = 'nothing happened' WHERE id = 2").run());
    expect(await cli('verify')).toBe(11);
    expect(err.join('\n')).toContain('timeline entry 2 of INC-2026-0001 was edited: it no longer matches audit entry 2');
    tamper((db) => db.prepare("UPDATE timeline SET text = (SELECT text FROM timeline WHERE id = 1) WHERE id = 2").run());
    err = [];
    tamper((db) => db.prepare('DELETE FROM timeline WHERE id = 3').run());
    expect(await cli('verify')).toBe(11);
    expect(err.join('\n')).toMatch(/timeline entry (2|3)/);
  });

  it('when a timeline row is added behind Warden, then it has no audit entry (exit 11)', async () => {
    seed(2);
    await cli('checkpoint');
    tamper((db) => db.prepare("INSERT INTO timeline (incident_id, at, kind, actor, text) VALUES ('INC-2026-0001', '2026-11-22T09:30:00.000Z', 'note', 'UALICE', 'I approved it')").run());
    expect(await cli('verify')).toBe(11);
    expect(err.join('\n')).toContain('timeline entry 3 of INC-2026-0001 has no audit entry: it was added outside Warden');
  });

  it('when a key is set but no checkpoint was ever written, then the tail is unverifiable (exit 12)', async () => {
    seed(2);
    expect(await cli('verify')).toBe(12);
    expect(err.join('\n')).toContain('no signed checkpoint covers the 2 entries');
  });

  it('when checkpoints are not in use, then it verifies the chain and warns that a cut tail would not show', async () => {
    seed(2);
    env = { WARDEN_DB: join(dir, 'warden.db') };
    expect(await cli('verify')).toBe(0);
    expect(err.join('\n')).toContain('no checkpoints in use');
  });

  it('when checked with another public key, then the checkpoints do not verify (exit 8)', async () => {
    seed(2);
    await cli('checkpoint');
    const other = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' });
    writeFileSync(join(dir, 'other.pem'), other);
    expect(await cli('verify', '--public-key', join(dir, 'other.pem'))).toBe(8);
    expect(await cli('verify', '--public-key', join(dir, 'other.pem'), '--public-key', join(dir, 'public.pem'))).toBe(0);
  });

  it('when the database was restored from a backup, then a signed restore checkpoint keeps the chain verifiable', async () => {
    seed(3);
    await cli('checkpoint');
    seed(3, 4);
    await cli('checkpoint');
    tamper((db) => db.prepare('DELETE FROM audit_log WHERE seq > 3').run()); // what restoring a 3-entry backup leaves
    tamper((db) => db.prepare('DELETE FROM timeline WHERE id > 3').run());
    expect(await cli('verify')).toBe(6);
    const { signRestore } = await import('../../src/features/audit/index.js');
    const db = openDb(join(dir, 'warden.db'));
    signRestore(db, { key: readFileSync(join(dir, 'audit.pem'), 'utf8'), path: checkpointsPath() }, new Date('2026-12-02T12:00:00Z'));
    db.close();
    err = [];
    expect(await cli('verify')).toBe(0);
    seed(2, 7); // new entries after the restore diverge from what the lost checkpoint said; still fine
    await cli('checkpoint');
    expect(await cli('verify')).toBe(0);
  });
});

describe('warden audit: bad input and missing files', () => {
  it('when WARDEN_DB does not exist, then verify and export say so and create nothing', async () => {
    env = { ...env, WARDEN_DB: join(dir, 'mistyped.db') };
    expect(await cli('verify')).toBe(1);
    expect(await cli('export')).toBe(1);
    expect(existsSync(join(dir, 'mistyped.db'))).toBe(false);
  });

  it('when keygen would overwrite a key, then it refuses; the key it writes is private to its owner', async () => {
    expect(statSync(join(dir, 'audit.pem')).mode & 0o777).toBe(0o600);
    const before = readFileSync(join(dir, 'audit.pem'), 'utf8');
    expect(await runCli(['audit', 'keygen', '--out', join(dir, 'audit.pem')], io, {})).toBe(1);
    expect(err.join('\n')).toContain('already exists: keygen never overwrites a key');
    expect(readFileSync(join(dir, 'audit.pem'), 'utf8')).toBe(before);
  });

  it('when the key is not an Ed25519 private key, then the variable is named and its content never printed', async () => {
    seed(1);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    env = { WARDEN_DB: join(dir, 'warden.db'), WARDEN_AUDIT_KEY: rsa };
    expect(await cli('checkpoint')).toBe(1);
    expect(err.join('\n')).toContain('WARDEN_AUDIT_KEY: expected an Ed25519 private key in PEM');
    expect(err.join('\n')).not.toContain(rsa.split('\n')[1]);
  });

  it('when --public-key or the dates are wrong, then usage is given (exit 2)', async () => {
    seed(1);
    writeFileSync(join(dir, 'junk.pem'), 'not a key');
    expect(await cli('verify', '--public-key', join(dir, 'junk.pem'))).toBe(2);
    expect(await cli('verify', '--public-key', join(dir, 'absent.pem'))).toBe(2);
    expect(await cli('export', '--since', 'yesterday')).toBe(2);
    expect(await cli('export', '--since', '2026-12-01', '--until', '2026-11-01')).toBe(2);
    expect(await cli('verify', '--bogus')).toBe(2);
    expect(await cli('frobnicate')).toBe(2);
    expect(err.join('\n')).toContain('expected a date like 2026-11-01');
  });

  it('when the checkpoint file is damaged, then checkpoint refuses to chain from it rather than starting a new chain', async () => {
    seed(1);
    await cli('checkpoint');
    writeFileSync(checkpointsPath(), `${readFileSync(checkpointsPath(), 'utf8')}{"v":1,"kind":"chec\n`);
    expect(await cli('checkpoint')).toBe(1);
    expect(err.join('\n')).toContain('the last checkpoint is not readable');
    expect(await cli('verify')).toBe(9);
  });
});
