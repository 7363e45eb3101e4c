import { describe, expect, it } from 'vitest';
import { canonicalJson, chainEntry, GENESIS_HASH, verifyChain, type AuditEntry, type AuditFacts } from '../../../../src/features/audit/domain/audit-chain.js';

const facts = (n: number): AuditFacts => ({ at: `2026-11-22T09:0${n}:00.000Z`, actor: 'UALICE', action: 'incident.note_added', incidentId: 'INC-2026-0001', details: { text: `note ${n}`, n } });

function chain(length: number): AuditEntry[] {
  const out: AuditEntry[] = [];
  for (let i = 0; i < length; i++) out.push(chainEntry(out.at(-1) ?? null, facts(i)));
  return out;
}

describe('audit chain', () => {
  it('chains each entry to the one before, from the genesis hash', () => {
    const [a, b] = chain(2);
    expect(a?.prevHash).toBe(GENESIS_HASH);
    expect(b?.prevHash).toBe(a?.hash);
    expect(verifyChain(chain(5))).toEqual({ ok: true, entries: 5, head: chain(5)[4]?.hash });
  });

  it('when an entry is edited, then verification names it', () => {
    const entries = chain(4);
    entries[2] = { ...entries[2]!, details: { text: 'rewritten', n: 2 } };
    expect(verifyChain(entries)).toEqual({ ok: false, seq: 3, reason: 'content does not match its hash' });
  });

  it('when an entry is removed, then the gap is found', () => {
    const entries = chain(4);
    entries.splice(1, 1);
    expect(verifyChain(entries)).toMatchObject({ ok: false, seq: 3 });
  });

  it('when an entry is edited and its hash recomputed, then the next entry no longer follows', () => {
    const entries = chain(3);
    const forged = chainEntry(entries[0]!, { ...facts(1), actor: 'UMALLORY' });
    entries[1] = forged;
    expect(verifyChain(entries)).toEqual({ ok: false, seq: 3, reason: 'previous hash does not match' });
  });

  it('hashes the same facts the same way whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: [3, { f: 1, e: 0 }] } })).toBe('{"a":{"c":[3,{"e":0,"f":1}],"d":2},"b":1}');
  });

  it('verifies an empty log', () => {
    expect(verifyChain([])).toEqual({ ok: true, entries: 0, head: GENESIS_HASH });
  });
});
