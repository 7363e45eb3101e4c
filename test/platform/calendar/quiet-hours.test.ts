import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { afterQuietHours, type QuietHours } from '../../../src/platform/calendar/quiet-hours.js';

const berlin = (start: string, end: string): QuietHours => ({ start, end, timeZone: 'Europe/Berlin' });

/** Minutes since local midnight in `zone`, read by Intl (not by the code under test). */
function wallMinutes(at: Date, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return part('hour') * 60 + part('minute');
}

function inWindow(at: Date, q: QuietHours): boolean {
  const [s, e] = [q.start, q.end].map((t) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3))) as [number, number];
  const m = wallMinutes(at, q.timeZone);
  return s > e ? m >= s || m < e : m >= s && m < e;
}

describe('quiet hours', () => {
  it('when it is outside the window, then the time is kept', () => {
    const at = new Date('2026-06-10T10:00:00Z');
    expect(afterQuietHours(at, berlin('22:00', '07:00'))).toBe(at);
  });

  it('when it is late evening in a window that crosses midnight, then it waits until the end tomorrow morning, local time', () => {
    expect(afterQuietHours(new Date('2026-06-10T21:30:00Z'), berlin('22:00', '07:00')).toISOString()).toBe('2026-06-11T05:00:00.000Z');
    expect(afterQuietHours(new Date('2026-01-10T22:30:00Z'), berlin('22:00', '07:00')).toISOString()).toBe('2026-01-11T06:00:00.000Z');
  });

  it('when the window ends in the hour a spring-forward skips, then it ends at that time after the gap', () => {
    // 29 March 2026: Berlin goes from 02:00 CET to 03:00 CEST; 02:15 does not exist, 03:15 CEST is 01:15Z.
    expect(afterQuietHours(new Date('2026-03-28T23:00:00Z'), berlin('23:45', '02:15')).toISOString()).toBe('2026-03-29T01:15:00.000Z');
  });

  it('when the window ends in the hour a fall-back repeats, then it ends the first time the clock reads its end', () => {
    // 25 October 2026: 03:00 CEST becomes 02:00 CET at 01:00Z; at 02:01 CEST, 02:30 CEST (00:30Z) comes first.
    expect(afterQuietHours(new Date('2026-10-25T00:01:00Z'), berlin('02:00', '02:30')).toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('when the start equals the end, then there are no quiet hours', () => {
    const at = new Date('2026-06-10T23:00:00Z');
    expect(afterQuietHours(at, berlin('07:00', '07:00'))).toBe(at);
  });

  it('whatever the zone and instant, the answer is never before it, never inside the window, and moves only a time inside it', () => {
    const zones = ['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'America/St_Johns', 'UTC'];
    const hhmm = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45)).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
    const instant = fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 0, 1) }).map((ms) => new Date(ms));
    fc.assert(
      fc.property(instant, hhmm, hhmm, fc.constantFrom(...zones), (at, start, end, timeZone) => {
        fc.pre(start !== end);
        const q = { start, end, timeZone };
        const after = afterQuietHours(at, q);
        expect(after.getTime()).toBeGreaterThanOrEqual(at.getTime());
        expect(inWindow(after, q)).toBe(false);
        if (after.getTime() !== at.getTime()) expect(inWindow(at, q)).toBe(true);
        expect(after.getTime() - at.getTime()).toBeLessThanOrEqual(25 * 3_600_000);
      }),
      { numRuns: 2_000 },
    );
  });
});
