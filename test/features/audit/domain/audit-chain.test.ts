import { describe, expect, it } from 'vitest';
import { canonicalJson, chainEntry, entryBody, GENESIS_HASH, type AuditEntry, type AuditFacts } from '../../../../src/features/audit/domain/audit-chain.js';
import { walkAuditChain, type ChainRow } from '../../../../src/features/audit/domain/verify-audit.js';
import type { StoredEntry } from '../../../../src/features/audit/domain/stored-entry.js';

const facts = (n: number): AuditFacts => ({ at: `2026-11-22T09:0${n}:00.000Z`, actor: 'UALICE', action: 'incident.note_added', incidentId: 'INC-2026-0001', details: { text: `note ${n}`, n } });

function chain(length: number): AuditEntry[] {
  const out: AuditEntry[] = [];
  for (let i = 0; i < length; i++) out.push(chainEntry(out.at(-1) ?? null, facts(i)));
  return out;
}

const stored = (e: AuditEntry): StoredEntry => ({ ...e, details: canonicalJson(e.details) });

/** The walk over entries as the table would hold them (the quick path's `hashed` built as the SQL builds it). */
function walk(entries: readonly AuditEntry[]) {
  const rows: ChainRow[] = entries.map((e) => {
    const { seq, at, actor, action, incidentId, details } = e;
    return { seq, prevHash: e.prevHash, hash: e.hash, hashed: `${e.prevHash}\n${canonicalJson({ seq, at, actor, action, incidentId, details })}`, timeline: null };
  });
  const bySeq = new Map(entries.map((e) => [e.seq, stored(e)]));
  const byHash = new Map(entries.map((e) => [e.hash, e.seq]));
  return walkAuditChain({ entries: rows, entryAt: (seq) => bySeq.get(seq)!, seqOfHash: (h) => byHash.get(h) ?? null, expectations: null }).walk;
}

describe('audit chain', () => {
  it('chains each entry to the one before, from the genesis hash', () => {
    const [a, b] = chain(2);
    expect(a?.prevHash).toBe(GENESIS_HASH);
    expect(b?.prevHash).toBe(a?.hash);
    expect(walk(chain(5))).toMatchObject({ problem: null, entries: 5, head: chain(5)[4]?.hash });
  });

  it('when an entry is edited, then verification names it', () => {
    const entries = chain(4);
    entries[2] = { ...entries[2]!, details: { text: 'rewritten', n: 2 } };
    expect(walk(entries).problem).toMatchObject({ kind: 'edited', seq: 3 });
  });

  it('when an entry is removed, then the gap is found', () => {
    const entries = chain(4);
    entries.splice(1, 1);
    expect(walk(entries).problem).toMatchObject({ kind: 'deleted', seq: 2 });
  });

  it('when an entry is edited and its hash recomputed, then that entry is named: the next one still links to the original', () => {
    const entries = chain(3);
    entries[1] = chainEntry(entries[0]!, { ...facts(1), actor: 'UMALLORY' });
    expect(walk(entries).problem).toMatchObject({ kind: 'edited', seq: 2 });
  });

  it('when details are stored with their keys out of order, then the exact path still verifies them', () => {
    const entries = chain(2);
    const rows: ChainRow[] = entries.map((e) => ({ seq: e.seq, prevHash: e.prevHash, hash: e.hash, hashed: 'not the canonical text', timeline: null }));
    const bySeq = new Map(entries.map((e) => [e.seq, { ...e, details: JSON.stringify({ text: e.details.text, n: e.details.n }) }]));
    expect(walkAuditChain({ entries: rows, entryAt: (s) => bySeq.get(s)!, seqOfHash: () => null, expectations: null }).walk.problem).toBeNull();
  });

  it('hashes the same facts the same way whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: [3, { f: 1, e: 0 }] } })).toBe('{"a":{"c":[3,{"e":0,"f":1}],"d":2},"b":1}');
  });

  it('writes an entry\'s body exactly as the canonical JSON of its fields, whatever its text holds', () => {
    const odd = ['plain', 'quote " and \\ back', 'line\nbreak\ttab\u0001', 'émoji 🚨 and \u2028', '<!channel> & <@U1>'];
    for (const [i, text] of odd.entries()) {
      const fields: AuditFacts = { at: `2026-12-0${i + 1}T00:00:00.000Z`, actor: text, action: `incident.${text}`, incidentId: i % 2 === 0 ? null : text, details: { z: [text, { y: null, b: 2 }], a: text } };
      const seq = 10 ** i;
      expect(entryBody(seq, fields)).toBe(canonicalJson({ seq, ...fields }));
    }
    // Off the declared types (as JavaScript callers might pass), the same bytes as the general way.
    const loose = { at: '2026-12-01T00:00:00.000Z', actor: 'U1', action: 'a', incidentId: undefined, details: {} } as unknown as AuditFacts;
    expect(entryBody(1.5, loose)).toBe(canonicalJson({ seq: 1.5, ...loose }));
    expect(entryBody(2, loose)).toBe('{"action":"a","actor":"U1","at":"2026-12-01T00:00:00.000Z","details":{},"seq":2}');
  });

  it('verifies an empty log', () => {
    expect(walk([])).toMatchObject({ problem: null, entries: 0, head: GENESIS_HASH });
  });
});
