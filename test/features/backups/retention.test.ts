import { describe, expect, it } from 'vitest';
import { retentionPlan, type RetentionPolicy } from '../../../src/features/backups/index.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = new Date('2026-12-02T10:30:00.000Z');

let nextId = 1;
const at = (iso: string) => ({ id: nextId++, takenAt: new Date(iso) });
const iso = (ms: number) => new Date(ms).toISOString();
const isoOf = (bs: readonly { takenAt: Date }[]) => bs.map((b) => b.takenAt.toISOString()).sort();

describe('retention of scheduled backups', () => {
  it('when 72 hourly and 28 earlier daily backups exist, then 48 hourly and the newest of each of the last 30 days are kept, exactly', () => {
    const hourly = Array.from({ length: 72 }, (_, i) => at(iso(Date.parse('2026-12-02T10:00:00.000Z') - i * HOUR)));
    const daily = Array.from({ length: 28 }, (_, i) => at(`2026-11-${String(i + 1).padStart(2, '0')}T03:00:00.000Z`));
    const { keep, prune } = retentionPlan([...daily, ...hourly], { hourly: 48, daily: 30 }, NOW);
    const newest48 = hourly.slice(0, 48);
    // Day 30 back from 2 Dec is 3 Nov: the dailies of 3..28 Nov, and 29 Nov's newest hourly (23:00).
    const expected = [...newest48, ...daily.slice(2), hourly.find((b) => b.takenAt.toISOString() === '2026-11-29T23:00:00.000Z')!];
    expect(isoOf(keep)).toEqual(isoOf(expected));
    expect(keep).toHaveLength(75);
    expect(isoOf(prune)).toEqual(isoOf([daily[0]!, daily[1]!, ...hourly.slice(48).filter((b) => b.takenAt.toISOString() !== '2026-11-29T23:00:00.000Z')]));
  });

  it('when nothing exceeds the policy, then nothing is pruned; when there is nothing, then nothing happens', () => {
    const few = [at('2026-12-02T09:00:00.000Z'), at('2026-12-02T10:00:00.000Z')];
    expect(retentionPlan(few, { hourly: 48, daily: 30 }, NOW).prune).toEqual([]);
    expect(retentionPlan([], { hourly: 1, daily: 0 }, NOW)).toEqual({ keep: [], prune: [] });
  });

  it('when two backups share an instant, then the plan does not depend on the order they come in', () => {
    const a = at('2026-12-02T10:00:00.000Z');
    const b = at('2026-12-02T10:00:00.000Z');
    const policy = { hourly: 1, daily: 0 };
    expect(retentionPlan([a, b], policy, NOW).keep).toEqual([b]);
    expect(retentionPlan([b, a], policy, NOW).keep).toEqual([b]);
  });

  it('when a backup is dated after now (a clock that ran ahead), then its day takes none of the last days\' places', () => {
    const future = at('2026-12-03T01:00:00.000Z');
    const today = at('2026-12-02T01:00:00.000Z');
    const yesterday = at('2026-12-01T05:00:00.000Z');
    const older = at('2026-11-30T05:00:00.000Z');
    expect(retentionPlan([older, today, future, yesterday], { hourly: 1, daily: 2 }, NOW)).toEqual({ keep: [future, today, yesterday], prune: [older] });
  });

  /** Every set of up to 7 backups over 4 days at 6-hour steps, under every small policy, checked against the rule itself. */
  it('for every small set of backups and policy, then exactly the newest `hourly` and each recent day\'s newest are kept', () => {
    const instants = Array.from({ length: 7 }, (_, i) => iso(Date.parse('2026-11-29T04:00:00.000Z') + i * 11 * HOUR));
    let cases = 0;
    for (let mask = 0; mask < 1 << instants.length; mask++) {
      const backups = instants.filter((_, i) => mask & (1 << i)).map(at);
      for (const policy of [1, 2, 3].flatMap((hourly) => [0, 1, 2, 5].map((daily): RetentionPolicy => ({ hourly, daily })))) {
        const { keep, prune } = retentionPlan([...backups].reverse(), policy, NOW);
        const byAge = [...backups].sort((x, y) => y.takenAt.getTime() - x.takenAt.getTime());
        const dayOf = (b: { takenAt: Date }) => Math.floor(b.takenAt.getTime() / DAY);
        const newestOfDay = (b: { takenAt: Date }) => byAge.find((o) => dayOf(o) === dayOf(b)) === b;
        const recent = (b: { takenAt: Date }) => dayOf({ takenAt: NOW }) - dayOf(b) < policy.daily;
        const shouldKeep = byAge.filter((b, i) => i < policy.hourly || (newestOfDay(b) && recent(b)));
        expect(new Set(keep)).toEqual(new Set(shouldKeep));
        expect(keep.length + prune.length).toBe(backups.length);
        expect(prune.some((b) => keep.includes(b))).toBe(false);
        cases++;
      }
    }
    expect(cases).toBe(128 * 12);
  });
});
