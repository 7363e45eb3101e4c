import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ALL_MIGRATIONS } from '../../../src/compose-features.js';
import { auditRepo, checkpointLine, signCheckpoint, verifyAuditDatabase, type Checkpoint } from '../../../src/features/audit/index.js';
import { chainRangeInWorker } from '../../../src/features/audit/store/chain-range-in-worker.js';
import { recordChange } from '../../../src/features/incidents/app/record.js';
import { createStore, lastTimelineId, timelineDigestsInWorker } from '../../../src/features/incidents/index.js';
import { migrate, openDb, type Db } from '../../../src/platform/db/db.js';
import { rehashAuditRows, storeActorAsBlob, swapAuditRows, withGuardsLifted } from '../../support/audit-tamper.js';

const ENTRIES = 12;
let dir: string;
let db: Db;
let publicKey: KeyObject;
let privateKey: KeyObject;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'warden-split-'));
  db = openDb(join(dir, 'warden.db'));
  migrate(db, ALL_MIGRATIONS);
  const store = createStore(db);
  db.prepare("INSERT INTO incidents (id, title, type, severity, status, declared_by, declared_at) VALUES ('INC-2026-0001', 't', 'security', 'sev1', 'investigating', 'UALICE', '2026-11-22T09:00:00.000Z')").run();
  for (let i = 1; i <= ENTRIES; i++) {
    store.transaction(() => recordChange(store, { incidentId: 'INC-2026-0001', actor: 'UALICE', at: new Date(Date.UTC(2026, 10, 22, 9, i)), kind: 'note', text: `note ${i} «é» 😀`, action: 'incident.note_added', data: { n: i } }));
  }
  ({ publicKey, privateKey } = generateKeyPairSync('ed25519'));
  signAt([4, 8, ENTRIES]);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const headAt = (seq: number) => db.prepare<[number], string>('SELECT hash FROM audit_log WHERE seq = ?').pluck().get(seq)!;

/** A checkpoint file signing the chain's heads at these counts, each chained to the one before. */
function signAt(counts: number[]): void {
  let prev = '';
  const lines = counts.map((count, i) => {
    const cp: Checkpoint = signCheckpoint({ kind: 'checkpoint', count, head: headAt(count), at: `2026-12-0${i + 1}T00:00:00.000Z`, prev }, privateKey);
    prev = cp.sig;
    return checkpointLine(cp);
  });
  writeFileSync(join(dir, 'checkpoints.jsonl'), `${lines.join('\n')}\n`);
}

/** Raw access as an attacker with the file has it: the append-only guards lifted for `fn`, then put back. */
const tamper = (fn: () => void): void => withGuardsLifted(db, fn);

/** Recomputes the hashes of entries `from` to `to`, as an attacker covering an edit would. */
const rehashFrom = (from: number, to = ENTRIES): void => rehashAuditRows(db, from, to);

/** What verify reports with the chain walked on one thread, or split after entry `split` with a worker walking the rest. */
const report = (split: number | null) =>
  verifyAuditDatabase(db, { checkpoints: join(dir, 'checkpoints.jsonl'), publicKeys: [publicKey], timeline: createStore(db).timeline.digests(), split });

const edit = (seq: number) => () => void db.prepare("UPDATE audit_log SET actor = 'UMALLORY' WHERE seq = ?").run(seq);
const tampers: [string, () => void, string][] = [
  ['entry 6 is edited', edit(6), 'entry 6 (incident.note_added at 2026-11-22T09:06:00.000Z) was edited'],
  ['entry 7 is edited', edit(7), 'entry 7 (incident.note_added at 2026-11-22T09:07:00.000Z) was edited'],
  ['entry 6 is deleted', () => db.prepare('DELETE FROM audit_log WHERE seq = 6').run(), 'entry 6 is missing (deleted): entry 7 follows entry 5'],
  ['entry 7 is deleted', () => db.prepare('DELETE FROM audit_log WHERE seq = 7').run(), 'entry 7 is missing (deleted): entry 8 follows entry 6'],
  ['entries 6 and 7 are swapped', () => swapAuditRows(db, 6, 7), "entry 6 holds entry 7's content"],
  ['entry 6 is edited and its own hash recomputed', () => { edit(6)(); rehashFrom(6, 6); }, 'entry 6 was edited and its hash recomputed: entry 7 still links to its original hash'],
  ['the tail is rewritten from entry 7', () => { edit(7)(); rehashFrom(7); }, 'entry 8 does not match the checkpoint signed at 2026-12-02T00:00:00.000Z (line 2): the chain was rewritten after entry 4'],
  ['the tail is cut off after entry 7', () => db.prepare('DELETE FROM audit_log WHERE seq > 7').run(), 'the chain holds 7 entries but the checkpoint signed at 2026-12-03T00:00:00.000Z (line 3) covers 12'],
  ['entry 9 is edited to hold a BLOB', () => storeActorAsBlob(db, 9, 'UMALLORY'), 'entry 9 (incident.note_added at 2026-11-22T09:09:00.000Z) was edited'],
  ["entry 7's hash no longer holds 64 characters", () => db.prepare("UPDATE audit_log SET hash = hash || 'x' WHERE seq = 7").run(), 'entry 7 (incident.note_added at 2026-11-22T09:07:00.000Z) was edited'],
  ['timeline row 7 is edited', () => db.prepare("UPDATE timeline SET text = 'forged' WHERE id = 7").run(), 'timeline entry 7 of INC-2026-0001 was edited: it no longer matches audit entry 7'],
  ['entries 3 and 10 are edited', () => { edit(3)(); edit(10)(); }, 'entry 3 (incident.note_added at 2026-11-22T09:03:00.000Z) was edited'],
];
// The seam right before, at and right after the tampered entries, and far from them on both sides.
const SPLITS = [2, 5, 6, 7, 10];

describe('audit verify with the chain split between this thread and a worker', () => {
  it('when nothing was touched, then the split walk reports what the one-thread walk does, the timeline hashed in a worker too', async () => {
    const timeline = () => timelineDigestsInWorker(join(dir, 'warden.db'));
    const opts = { checkpoints: join(dir, 'checkpoints.jsonl'), publicKeys: [publicKey] };
    const one = await verifyAuditDatabase(db, { ...opts, timeline: timeline(), split: null });
    expect(one).toMatchObject({ problems: [], entries: ENTRIES, uncovered: 0, lastCheckpoint: { count: ENTRIES, line: 3 } });
    for (const split of SPLITS) expect(await verifyAuditDatabase(db, { ...opts, timeline: timeline(), split })).toEqual(one);
  });

  for (const [what, change, message] of tampers) {
    it(`when ${what}, then wherever the seam is, the first failing entry is named as on one thread`, async () => {
      tamper(change);
      const one = await report(null);
      expect(one.problems[0]?.message).toContain(message);
      for (const split of SPLITS) expect(await report(split), `split after entry ${split}`).toEqual(one);
    });
  }

  it('when the worker walks an untouched range, then it accepts it all, from the hash its first entry links to', async () => {
    const walked = await chainRangeInWorker(db.name, 7, ENTRIES, null).walked;
    expect(walked).toMatchObject({ from: 7, prevHash: headAt(6), seq: ENTRIES, hash: headAt(ENTRIES) });
    expect([...walked!.coverage.ids]).toEqual([7, 8, 9, 10, 11, 12]);
  });

  it('when an entry of its range was edited or a checkpoint there names another head, then the worker stops right before it', async () => {
    tamper(edit(9));
    expect(await chainRangeInWorker(db.name, 7, ENTRIES, null).walked).toMatchObject({ seq: 8, hash: headAt(8) });
    const forged = [{ count: 8, head: headAt(7), at: '2026-12-01T00:00:00.000Z', line: 1 }];
    expect(await chainRangeInWorker(db.name, 7, ENTRIES, forged).walked).toMatchObject({ seq: 7, hash: headAt(7) });
  });
});

describe('audit verify when the chain worker cannot walk', () => {
  it('when the worker cannot open the file, then this thread walks its range: the same report, and a warning says so', async () => {
    const one = await report(null);
    // The file is gone for a new connection (the worker's); this thread's connection keeps it open.
    rmSync(join(dir, 'warden.db'));
    const split = await report(6);
    expect({ ...split, warnings: [] }).toEqual({ ...one, warnings: [] });
    expect(split.warnings).toContain('the worker for entries 7 to 12 stopped: this thread walked them instead (the same checks, slower)');
    expect(one.warnings.some((w) => w.includes('worker'))).toBe(false);
  });
});

describe('audit verify of a database a running Warden appends to', () => {
  const noteAfter = (n: number) => {
    const store = createStore(db);
    store.transaction(() => recordChange(store, { incidentId: 'INC-2026-0001', actor: 'UBOB', at: new Date(Date.UTC(2026, 10, 22, 10, n)), kind: 'note', text: `later ${n}`, action: 'incident.note_added', data: {} }));
  };

  it('when changes are recorded after the snapshot verify read its ends in, then they are left to the next verify: the chain and timeline up to them verify', async () => {
    const ends = db.transaction(() => ({ head: auditRepo(db).head().count, upTo: lastTimelineId(db) }))();
    noteAfter(1);
    noteAfter(2);
    const opts = { checkpoints: join(dir, 'checkpoints.jsonl'), publicKeys: [publicKey], head: ends.head };
    const bounded = await verifyAuditDatabase(db, { ...opts, timeline: timelineDigestsInWorker(join(dir, 'warden.db'), { upTo: ends.upTo }) });
    expect(bounded).toMatchObject({ problems: [], entries: ENTRIES });
    // Unbounded, the timeline read later than the head holds rows whose entries come after it: a false alarm.
    const unbounded = await verifyAuditDatabase(db, { ...opts, timeline: timelineDigestsInWorker(join(dir, 'warden.db')) });
    expect(unbounded.problems[0]?.message).toMatch(/timeline entry 13 of INC-2026-0001/);
    expect((await verifyAuditDatabase(db, { ...opts, head: undefined, timeline: timelineDigestsInWorker(join(dir, 'warden.db')) })).problems).toEqual([]);
  });

  it('when a timeline row is forged before the snapshot, then the bound still takes it in and names it', async () => {
    db.prepare("INSERT INTO timeline (incident_id, at, kind, actor, text) VALUES ('INC-2026-0001', '2026-11-22T09:30:00.000Z', 'note', 'UMALLORY', 'forged')").run();
    const ends = db.transaction(() => ({ head: auditRepo(db).head().count, upTo: lastTimelineId(db) }))();
    const r = await verifyAuditDatabase(db, { checkpoints: join(dir, 'checkpoints.jsonl'), publicKeys: [publicKey], head: ends.head, timeline: timelineDigestsInWorker(join(dir, 'warden.db'), { upTo: ends.upTo }) });
    expect(r.problems[0]?.message).toMatch(/timeline entry 13 of INC-2026-0001/);
  });
});
