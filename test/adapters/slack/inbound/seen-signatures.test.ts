import { describe, expect, it } from 'vitest';
import { createSeenSignatures } from '../../../../src/adapters/slack/inbound/seen-signatures.js';

describe('createSeenSignatures', () => {
  it('when the same signature comes again before it expires, then it is not a first sighting', () => {
    const seen = createSeenSignatures();
    expect(seen.firstSighting('a', 1_000, 0)).toBe(true);
    expect(seen.firstSighting('a', 1_000, 999)).toBe(false);
    expect(seen.firstSighting('b', 1_000, 999)).toBe(true);
  });

  it('when a signature has expired, then it is forgotten and memory shrinks', () => {
    const seen = createSeenSignatures();
    for (let i = 0; i < 100; i++) seen.firstSighting(`sig-${i}`, 1_000, 0);
    expect(seen.size).toBe(100);
    expect(seen.firstSighting('later', 5_000, 2_000)).toBe(true);
    expect(seen.size).toBe(1);
    expect(seen.firstSighting('sig-1', 5_000, 2_000)).toBe(true);
  });

  it('when more signatures arrive than it may hold, then the oldest are dropped and the size stays bounded', () => {
    const seen = createSeenSignatures(10);
    for (let i = 0; i < 1_000; i++) seen.firstSighting(`sig-${i}`, 60_000, 0);
    expect(seen.size).toBe(10);
    expect(seen.firstSighting('sig-999', 60_000, 0)).toBe(false);
  });
});
