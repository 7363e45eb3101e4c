import { describe, expect, it } from 'vitest';
import { recordCoverage } from '../../../src/features/audit/domain/chain-walker.js';
import { TimelineCoverage } from '../../../src/features/audit/domain/timeline-coverage.js';

const SHA = 'ab'.repeat(32);
const entry = (id: string, sha: string) => `{"action":"x","details":{"timelineEntry":{"id":${id},"sha256":"${sha}"}},"seq":7}`;

/** What one text records: the row id and whether its hash is SHA (the coverage compares bytes, it does not hand them back). */
function recorded(text: string): { id: number; seq: number; matches: boolean }[] {
  const coverage = new TimelineCoverage();
  recordCoverage(7, text, coverage);
  const first = coverage.firstLeft();
  if (!first) return [];
  const taken = coverage.take(first.id, Buffer.from(SHA, 'latin1'))!;
  return [{ id: first.id, ...taken }];
}

describe('recordCoverage: the timeline row an audit entry vouches for', () => {
  it('when the details carry a row id and its 64-hex hash, then that row is recorded for the entry', () => {
    expect(recorded(entry('42', SHA))).toEqual([{ id: 42, seq: 7, matches: true }]);
  });

  it('when the hash is not 64 lower-case hex digits or the id has no digits, then nothing is recorded', () => {
    for (const text of [entry('42', SHA.slice(1)), entry('42', SHA.toUpperCase()), entry('42', `${SHA.slice(0, 63)}g`), entry('', SHA), entry('-1', SHA), entry('42', `${SHA}0`)]) {
      expect(recorded(text), text).toEqual([]);
    }
  });

  it('when a malformed mention comes before a well-formed one, then the well-formed one is recorded', () => {
    expect(recorded(`"timelineEntry":{"id":x ${entry('9', SHA)}`)).toEqual([{ id: 9, seq: 7, matches: true }]);
  });

  it('when the text mentions no timeline row, then nothing is recorded', () => {
    expect(recorded('{"action":"incident.declared","details":{},"seq":7}')).toEqual([]);
  });
});
