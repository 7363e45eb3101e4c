import { describe, expect, it } from 'vitest';
import { decideRun, digestKey, LATE_GRACE_MS, nextRunAfter } from '../../../src/features/digests/domain/schedule.js';

const paris = (schedule: string) => ({ channel: 'security-managers', schedule, timeZone: 'Europe/Paris' });
const newYork = (schedule: string) => ({ channel: 'eng-managers-us', schedule, timeZone: 'America/New_York' });

/** The next `n` runs after `from`, as ISO instants. */
function runs(d: ReturnType<typeof paris>, from: string, n: number): string[] {
  const out: string[] = [];
  let at: Date | null = new Date(from);
  while (out.length < n && (at = nextRunAfter(d, at))) out.push(at.toISOString());
  return out;
}

describe('the next run of a digest, in its zone', () => {
  it('when New York springs forward (Sun 14 Mar 2027), then 09:00 on weekdays moves from 14:00Z to 13:00Z', () => {
    expect(runs(newYork('0 9 * * 1-5'), '2027-03-11T00:00:00Z', 4)).toEqual(['2027-03-11T14:00:00.000Z', '2027-03-12T14:00:00.000Z', '2027-03-15T13:00:00.000Z', '2027-03-16T13:00:00.000Z']);
  });

  it('when Paris springs forward (Sun 28 Mar 2027), then 09:00 on weekdays moves from 08:00Z to 07:00Z', () => {
    expect(runs(paris('0 9 * * 1-5'), '2027-03-25T00:00:00Z', 4)).toEqual(['2027-03-25T08:00:00.000Z', '2027-03-26T08:00:00.000Z', '2027-03-29T07:00:00.000Z', '2027-03-30T07:00:00.000Z']);
  });

  it('when Paris falls back (Sun 25 Oct 2026) and New York too (Sun 1 Nov 2026), then 09:00 stays 09:00 local', () => {
    expect(runs(paris('0 9 * * 1-5'), '2026-10-22T12:00:00Z', 3)).toEqual(['2026-10-23T07:00:00.000Z', '2026-10-26T08:00:00.000Z', '2026-10-27T08:00:00.000Z']);
    expect(runs(newYork('0 9 * * 1-5'), '2026-10-29T00:00:00Z', 3)).toEqual(['2026-10-29T13:00:00.000Z', '2026-10-30T13:00:00.000Z', '2026-11-02T14:00:00.000Z']);
  });

  it('when 02:30 does not exist (spring forward), then croner runs it at 03:00 local, the first minute after the gap, once', () => {
    expect(runs(paris('30 2 * * *'), '2027-03-27T00:00:00Z', 3)).toEqual(['2027-03-27T01:30:00.000Z', '2027-03-28T01:00:00.000Z', '2027-03-29T00:30:00.000Z']);
    expect(runs(newYork('30 2 * * *'), '2027-03-13T00:00:00Z', 3)).toEqual(['2027-03-13T07:30:00.000Z', '2027-03-14T07:00:00.000Z', '2027-03-15T06:30:00.000Z']);
  });

  it('when 02:30 happens twice (Paris falls back), then it runs once, at the first (summer time) 02:30', () => {
    expect(runs(paris('30 2 * * *'), '2026-10-24T00:00:00Z', 3)).toEqual(['2026-10-24T00:30:00.000Z', '2026-10-25T00:30:00.000Z', '2026-10-26T01:30:00.000Z']);
    // New York repeats 01:00-02:00, not 02:30: 02:30 is simply 02:30 EST that day.
    expect(runs(newYork('30 2 * * *'), '2026-10-31T00:00:00Z', 3)).toEqual(['2026-10-31T06:30:00.000Z', '2026-11-01T07:30:00.000Z', '2026-11-02T07:30:00.000Z']);
  });

  it('when the last run is an instant, then the next one is strictly after it (a run is never its own next)', () => {
    expect(nextRunAfter(paris('0 9 * * 1-5'), new Date('2026-10-23T07:00:00Z'))?.toISOString()).toBe('2026-10-26T08:00:00.000Z');
  });

  it('when channel, schedule or zone changes, then it is another digest', () => {
    expect(digestKey(paris('0 9 * * 1-5'))).toBe('security-managers|0 9 * * 1-5|Europe/Paris');
    expect(digestKey(paris('0 8 * * 1-5'))).not.toBe(digestKey(paris('0 9 * * 1-5')));
  });
});

describe('a run found late', () => {
  const d = paris('0 9 * * 1-5');
  const at = new Date('2026-10-23T07:00:00Z');

  it('when it wakes on time, then it posts that run, not late', () => {
    expect(decideRun(d, at, at)).toEqual({ post: true, runAt: at, lateMs: 0, skipped: [] });
  });

  it('when it wakes within 6 hours, then it posts that run once, saying how late', () => {
    const now = new Date(at.getTime() + LATE_GRACE_MS);
    expect(decideRun(d, at, now)).toEqual({ post: true, runAt: at, lateMs: LATE_GRACE_MS, skipped: [] });
  });

  it('when it wakes more than 6 hours late, then it is skipped and nothing is posted', () => {
    expect(decideRun(d, at, new Date(at.getTime() + LATE_GRACE_MS + 1))).toEqual({ post: false, skipped: [at] });
  });

  it('when later runs fell due meanwhile, then only the latest within 6 hours is posted and the others are skipped', () => {
    // Down from Friday 09:00 to Monday 10:00 Paris: Friday's run is skipped, Monday's posted an hour late.
    const monday = new Date('2026-10-26T09:00:00Z');
    expect(decideRun(d, at, monday)).toEqual({ post: true, runAt: new Date('2026-10-26T08:00:00Z'), lateMs: 3_600_000, skipped: [at] });
    // Hourly: runs at 07:00, 08:00 and 09:00 all fell due by 09:10; 09:00 is posted, the two before skipped.
    const hourly = paris('0 * * * *');
    const r = decideRun(hourly, at, new Date('2026-10-23T09:10:00Z'));
    expect(r).toEqual({ post: true, runAt: new Date('2026-10-23T09:00:00Z'), lateMs: 600_000, skipped: [at, new Date('2026-10-23T08:00:00Z')] });
  });
});
