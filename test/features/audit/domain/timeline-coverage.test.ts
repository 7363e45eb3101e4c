import { describe, expect, it } from 'vitest';
import { checkTimeline, TimelineCoverage, type PackedTimelineDigests } from '../../../../src/features/audit/index.js';

const sha = (c: string) => c.repeat(64);
const ROW = /^[0-9a-f]$/;

/** Coverage as a walk records it: [row id, hash letter, entry] in the order the entries came. */
function coverageOf(records: [number, string, number][]): TimelineCoverage {
  const coverage = new TimelineCoverage();
  for (const [id, c, seq] of records) if (!ROW.test(c) || !coverage.recordHex(id, sha(c), 0, seq)) throw new Error(`bad record ${c}`);
  return coverage;
}

/** The timeline as its worker packs it: [row id, hash letter] in id order. */
function packed(rows: [number, string][]): PackedTimelineDigests {
  return { ids: Float64Array.from(rows.map(([id]) => id)), shas: Buffer.from(rows.map(([, c]) => sha(c)).join(''), 'latin1'), incidentOf: () => 'INC-2026-0001' };
}

describe('TimelineCoverage: the timeline rows the chain vouches for, against the timeline', () => {
  it('when the rows are the recorded ones one for one, then they match at once and nothing is reported', () => {
    const coverage = coverageOf([[1, 'a', 1], [2, 'b', 2]]);
    expect(coverage.matchesAll(packed([[1, 'a'], [2, 'b']]).ids, packed([[1, 'a'], [2, 'b']]).shas)).toBe(true);
    expect(checkTimeline(packed([[1, 'a'], [2, 'b']]), coverage)).toEqual([]);
  });

  it('when they differ in order, count or hash, then they do not match at once and each row is looked up', () => {
    const rows = packed([[1, 'a'], [2, 'b']]);
    for (const records of [[[2, 'b', 1], [1, 'a', 2]], [[1, 'a', 1]], [[1, 'a', 1], [2, 'c', 2]], [[1, 'a', 1], [1, 'a', 2], [2, 'b', 3]]] as [number, string, number][][]) {
      expect(coverageOf(records).matchesAll(rows.ids, rows.shas), JSON.stringify(records)).toBe(false);
    }
    expect(checkTimeline(rows, coverageOf([[2, 'b', 1], [1, 'a', 2]]))).toEqual([]);
    expect(checkTimeline(rows, coverageOf([[1, 'a', 1], [2, 'c', 2]]))[0]?.message).toBe('timeline entry 2 of INC-2026-0001 was edited: it no longer matches audit entry 2');
  });

  it('when an entry records a row again, then the later entry is the one that vouches for it', () => {
    expect(checkTimeline(packed([[1, 'b']]), coverageOf([[1, 'a', 1], [1, 'b', 5]]))).toEqual([]);
    expect(checkTimeline(packed([[1, 'a']]), coverageOf([[1, 'a', 1], [1, 'b', 5]]))[0]?.message).toContain('no longer matches audit entry 5');
  });

  it('when records of a range walked elsewhere are appended after a lookup, then the lookup has them too', () => {
    const coverage = coverageOf([[1, 'a', 1]]);
    expect(coverage.firstLeft()).toEqual({ id: 1, seq: 1 });
    coverage.append(coverageOf([[2, 'b', 2]]).packed());
    expect(coverage.size).toBe(2);
    expect(coverage.take(2, Buffer.from(sha('b'), 'latin1'))).toEqual({ seq: 2, matches: true });
  });

  it('when a recorded hash is not 64 lower-case hex digits, then it is not recorded', () => {
    const coverage = new TimelineCoverage();
    for (const text of [sha('A'), sha('g'), `${sha('a').slice(1)}/`, sha('a').slice(1)]) expect(coverage.recordHex(1, text, 0, 1), text).toBe(false);
    expect(coverage.size).toBe(0);
  });
});
