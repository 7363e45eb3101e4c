import { hash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ALL_MIGRATIONS } from '../../../src/compose-features.js';
import { auditRepo, walkAuditChain, walkAuditPages, type Expectation } from '../../../src/features/audit/index.js';
import { recordChange } from '../../../src/features/incidents/app/record.js';
import { createStore } from '../../../src/features/incidents/index.js';
import { migrate, openDb, type Db } from '../../../src/platform/db/db.js';
import { rehashAuditRows, storeActorAsBlob, swapAuditRows } from '../../support/audit-tamper.js';

const ENTRIES = 12;
const PAGE = 4;
let db: Db;

beforeEach(() => {
  db = openDb(':memory:');
  migrate(db, ALL_MIGRATIONS);
  const store = createStore(db);
  db.prepare("INSERT INTO incidents (id, title, type, severity, status, declared_by, declared_at) VALUES ('INC-2026-0001', 't', 'security', 'sev1', 'investigating', 'UALICE', '2026-11-22T09:00:00.000Z')").run();
  for (let i = 1; i <= ENTRIES; i++) {
    store.transaction(() => recordChange(store, { incidentId: 'INC-2026-0001', actor: 'UALICE', at: new Date(Date.UTC(2026, 10, 22, 9, i)), kind: 'note', text: `note ${i} «é» 😀`, action: 'incident.note_added', data: { n: i } }));
  }
  for (const guard of ['audit_log_no_update', 'audit_log_no_delete']) db.exec(`DROP TRIGGER ${guard}`);
});
afterEach(() => db.close());

const headAt = (seq: number) => db.prepare<[number], string>('SELECT hash FROM audit_log WHERE seq = ?').pluck().get(seq)!;
const expect12 = (): Expectation[] => [{ count: 4, head: headAt(4), at: '2026-12-01T00:00:00.000Z', line: 1 }, { count: ENTRIES, head: headAt(ENTRIES), at: '2026-12-02T00:00:00.000Z', line: 2 }];

/** The quick walk in pages of 4 and the row walk, over the same table: what each says. */
function bothWalks(expectations: Expectation[] | null) {
  const audit = auditRepo(db);
  const lookups = { entryAt: audit.entryAt, seqOfHash: audit.seqOfHash, expectations };
  const paged = walkAuditPages({ ...lookups, pages: audit.chainPages(PAGE), rows: audit.chainRows });
  const rows = walkAuditChain({ ...lookups, entries: audit.chainRows() });
  return { paged: { ...paged.walk, covered: paged.coverage.size }, rows: { ...rows.walk, covered: rows.coverage.size } };
}

/** Recomputes the hashes of entries `from` to `to`, as an attacker covering an edit would. */
const rehashFrom = (from: number, to = ENTRIES): void => rehashAuditRows(db, from, to);


describe('the paged quick walk of the audit chain', () => {
  it('when nothing was touched, then it walks every page and vouches for every timeline row, as the row walk does', () => {
    const { paged, rows } = bothWalks(expect12());
    expect(paged).toEqual(rows);
    expect(paged).toMatchObject({ problem: null, entries: ENTRIES, covered: ENTRIES, lastMatched: { count: ENTRIES } });
  });

  const tampers: [string, () => void, string][] = [
    ['an entry in a later page is edited', () => db.prepare("UPDATE audit_log SET actor = 'UMALLORY' WHERE seq = 7").run(), 'entry 7 (incident.note_added at 2026-11-22T09:07:00.000Z) was edited'],
    ['the first entry of a page is deleted', () => db.prepare('DELETE FROM audit_log WHERE seq = 9').run(), 'entry 9 is missing (deleted): entry 10 follows entry 8'],
    ['a whole page is deleted', () => db.prepare('DELETE FROM audit_log WHERE seq BETWEEN 5 AND 8').run(), 'entries 5 to 8 are missing (deleted): entry 9 follows entry 4'],
    ['the last entry of a page is deleted', () => db.prepare('DELETE FROM audit_log WHERE seq = 8').run(), 'entry 8 is missing (deleted): entry 9 follows entry 7'],
    ['entries across a page boundary are swapped', () => swapAuditRows(db, 8, 9), "entry 8 holds entry 9's content"],
    ['an entry is edited and its own hash recomputed', () => { db.prepare("UPDATE audit_log SET actor = 'UMALLORY' WHERE seq = 6").run(); rehashFrom(6, 6); }, 'entry 6 was edited and its hash recomputed: entry 7 still links to its original hash'],
    ['the tail is rewritten from a later page', () => { db.prepare("UPDATE audit_log SET actor = 'UMALLORY' WHERE seq = 10").run(); rehashFrom(10); }, 'entry 12 does not match the checkpoint signed at 2026-12-02T00:00:00.000Z (line 2): the chain was rewritten after entry 4'],
    ['the tail is cut off', () => db.prepare('DELETE FROM audit_log WHERE seq > 10').run(), 'the chain holds 10 entries but the checkpoint signed at 2026-12-02T00:00:00.000Z (line 2) covers 12'],
    ['an entry in a later page is edited to hold a BLOB', () => storeActorAsBlob(db, 7, 'UMALLORY'), 'entry 7 (incident.note_added at 2026-11-22T09:07:00.000Z) was edited'],
    ['a hash column no longer holds 64 characters', () => db.prepare("UPDATE audit_log SET hash = hash || 'x' WHERE seq = 6").run(), 'entry 6 (incident.note_added at 2026-11-22T09:06:00.000Z) was edited'],
  ];
  for (const [what, tamper, message] of tampers) {
    it(`when ${what}, then it names the same first failing entry as the row walk`, () => {
      const signed = expect12();
      tamper();
      const { paged, rows } = bothWalks(signed);
      expect(paged).toEqual(rows);
      expect(paged.problem?.message).toContain(message);
    });
  }

  it('when columns hold quotes, backslashes, control characters and other scripts, then the quick text is the hashed bytes and the walk accepts it', () => {
    const audit = auditRepo(db);
    const entry = audit.append({ at: '2026-11-22T10:00:00.000Z', actor: 'U"1\\', action: 'incident.\u0001"x\n', incidentId: null, details: { t: 'a"b\\c\n«é» 😀\u2028' } });
    const text = [...audit.chainPages(PAGE)].flatMap((page) => page.texts).at(-1)!;
    expect(text.slice(0, 64)).toBe(entry.hash);
    expect(text.slice(64, 129)).toBe(`${entry.prevHash}\n`);
    expect(hash('sha256', text.slice(64), 'hex')).toBe(entry.hash);
    const { paged, rows } = bothWalks(null);
    expect(paged).toEqual(rows);
    expect(paged).toMatchObject({ problem: null, entries: ENTRIES + 1 });
  });

  it('when text is moved between columns so that the stored text reads the same, then both walks name the entry as edited', () => {
    // Details with an `incidentId` key hold the text that separates details from incident_id in the hashed bytes.
    auditRepo(db).append({ at: '2026-11-22T10:00:00.000Z', actor: 'UALICE', action: 'incident.linked', incidentId: 'INC-2026-0001', details: { a: 'x', incidentId: 'INC-2026-0002' } });
    const signed = [{ count: ENTRIES + 1, head: headAt(ENTRIES + 1), at: '2026-12-03T00:00:00.000Z', line: 1 }];
    db.prepare(`UPDATE audit_log SET details = '{"a":"x"', incident_id = 'INC-2026-0002"},"incidentId":"INC-2026-0001' WHERE seq = ?`).run(ENTRIES + 1);
    const { paged, rows } = bothWalks(signed);
    expect(paged).toEqual(rows);
    expect(paged.problem).toMatchObject({ kind: 'edited', seq: ENTRIES + 1, message: expect.stringContaining(`entry ${ENTRIES + 1} (incident.linked at 2026-11-22T10:00:00.000Z) was edited`) });
  });

  it('when an entry of a later page was stored before details were canonical, then the exact check passes it and the walk goes on', () => {
    db.prepare(`UPDATE audit_log SET details = '{ "n": 6 ,' || substr(details, 2) WHERE seq = 6`).run();
    const { paged, rows } = bothWalks(null);
    expect(paged).toEqual(rows);
  });
});
