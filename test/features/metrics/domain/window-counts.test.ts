import { describe, expect, it } from 'vitest';
import { trailing } from '../../../../src/features/metrics/domain/period.js';
import { sumCounts, windowSplit, type BucketCount } from '../../../../src/features/metrics/domain/window-counts.js';

const NOW = new Date('2026-12-02T10:15:00.000Z');
const row = (over: Partial<BucketCount>): BucketCount => ({ series: 'mtta', labelA: 'sev1', labelB: '', bucket: 0, observations: 1, sumMs: 1000, ...over });

describe('how the /metrics window splits over the daily sums', () => {
  it('when the window starts before noon, then its first day comes summed less what was declared before the start', () => {
    expect(windowSplit(trailing(NOW, 30))).toEqual({
      days: { fromDay: '2026-11-02', throughDay: '2026-12-02' },
      add: [],
      subtract: [
        { since: '2026-11-02', until: '2026-11-02T10:15:00.000Z' },
        { since: '2026-12-02T10:15:00.000Z', until: '2026-12-03' },
      ],
    });
  });

  it('when the window starts at or after noon, then its first day is read from the start on, one by one; the whole days follow it', () => {
    expect(windowSplit(trailing(new Date('2026-12-02T12:00:00.000Z'), 30))).toEqual({
      days: { fromDay: '2026-11-03', throughDay: '2026-12-02' },
      add: [{ since: '2026-11-02T12:00:00.000Z', until: '2026-11-03' }],
      subtract: [{ since: '2026-12-02T12:00:00.000Z', until: '2026-12-03' }],
    });
  });

  it('when the window starts at midnight, then nothing of its first day is read one by one', () => {
    const split = windowSplit(trailing(new Date('2026-12-01T00:00:00.000Z'), 30));
    expect(split.days).toEqual({ fromDay: '2026-11-01', throughDay: '2026-12-01' });
    expect(split.add).toEqual([]);
    expect(split.subtract[0]).toEqual({ since: '2026-11-01', until: '2026-11-01T00:00:00.000Z' });
  });

  it('when the period lies within one day, then there are no whole days: the period itself is read', () => {
    const period = { since: new Date('2026-12-02T01:00:00.000Z'), until: new Date('2026-12-02T09:00:00.000Z') };
    expect(windowSplit(period)).toEqual({ days: null, add: [{ since: '2026-12-02T01:00:00.000Z', until: '2026-12-02T09:00:00.000Z' }], subtract: [] });
  });

  it('when the window crosses a month and a year end, then the next day is the calendar one', () => {
    expect(windowSplit(trailing(new Date('2027-01-15T18:00:00.000Z'), 30)).add[0]?.until).toEqual('2026-12-17');
    expect(windowSplit({ since: new Date('2026-12-31T12:00:00.000Z'), until: new Date('2027-01-02T00:00:00.000Z') }).days?.fromDay).toEqual('2027-01-01');
  });
});

describe('adding up bucket counts', () => {
  it('when parts share a label set, then their buckets, counts and sums add; another label set stays apart', () => {
    const out = sumCounts([{ rows: [row({ bucket: 0 }), row({ bucket: 2, observations: 2, sumMs: 1_200_000 }), row({ labelA: 'sev2' })], sign: 1 }, { rows: [row({ bucket: 2, sumMs: 600_000 })], sign: 1 }], 4);
    expect(out).toEqual([
      { series: 'mtta', labelA: 'sev1', labelB: '', buckets: [1, 0, 3, 0], count: 4, sumMs: 1_801_000 },
      { series: 'mtta', labelA: 'sev2', labelB: '', buckets: [1, 0, 0, 0], count: 1, sumMs: 1000 },
    ]);
  });

  it('when a part is taken off, then what it counted leaves, and a label set left with nothing is not shown', () => {
    const out = sumCounts([{ rows: [row({ bucket: 1, observations: 2, sumMs: 500 }), row({ series: 'mttr' })], sign: 1 }, { rows: [row({ bucket: 1, sumMs: 200 }), row({ series: 'mttr' })], sign: -1 }], 3);
    expect(out).toEqual([{ series: 'mtta', labelA: 'sev1', labelB: '', buckets: [0, 1, 0], count: 1, sumMs: 300 }]);
  });

  it('when a value is above the last bound, then it is counted (in +Inf) and summed', () => {
    expect(sumCounts([{ rows: [row({ bucket: 3, sumMs: 9e8 })], sign: 1 }], 4)).toEqual([{ series: 'mtta', labelA: 'sev1', labelB: '', buckets: [0, 0, 0, 1], count: 1, sumMs: 9e8 }]);
  });
});
