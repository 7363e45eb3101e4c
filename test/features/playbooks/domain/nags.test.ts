import { describe, expect, it } from 'vitest';
import { afterQuietHours, nextNagAt, quietHoursSchema, type NagPolicy } from '../../../../src/features/playbooks/domain/nags.js';

const H = 3_600_000;
const d = (iso: string) => new Date(iso);
const policy: NagPolicy = { every: 2 * H, maxPerStep: 3 };
const berlinNights = { start: '22:00', end: '07:00', timeZone: 'Europe/Berlin' };

describe('nextNagAt', () => {
  const due = d('2025-01-15T12:00:00Z');

  it('when nothing was sent yet, then the first nag is at the due time', () => {
    expect(nextNagAt(due, 0, null, d('2025-01-15T09:00:00Z'), policy)).toEqual(due);
  });

  it('when a nag was sent, then the next comes `every` after the last one', () => {
    expect(nextNagAt(due, 1, d('2025-01-15T12:05:00Z'), d('2025-01-15T12:06:00Z'), policy)).toEqual(d('2025-01-15T14:05:00Z'));
  });

  it('when the cap is reached, then there is no further nag', () => {
    expect(nextNagAt(due, 3, d('2025-01-15T16:00:00Z'), d('2025-01-15T16:01:00Z'), policy)).toBeNull();
  });

  it('when the caller passes no due time (done, skipped, resolved or no anchor yet), then there is no nag', () => {
    expect(nextNagAt(null, 0, null, d('2025-01-15T09:00:00Z'), policy)).toBeNull();
  });

  it('when the planned time is already past (e.g. after a restart), then the nag is due now', () => {
    const now = d('2025-01-15T13:30:00Z');
    expect(nextNagAt(due, 0, null, now, policy)).toEqual(now);
  });

  it('when the step is snoozed past the planned time, then the nag waits for the snooze to end', () => {
    const snoozed = { ...policy, snoozedUntil: d('2025-01-15T15:00:00Z') };
    expect(nextNagAt(due, 0, null, d('2025-01-15T09:00:00Z'), snoozed)).toEqual(d('2025-01-15T15:00:00Z'));
  });

  it('when a snooze ended before the planned time, then it changes nothing', () => {
    const snoozed = { ...policy, snoozedUntil: d('2025-01-15T11:00:00Z') };
    expect(nextNagAt(due, 0, null, d('2025-01-15T09:00:00Z'), snoozed)).toEqual(due);
  });

  it('when the nag falls at 22:30 Berlin time with quiet hours 22:00-07:00, then it moves to 07:00 the next morning', () => {
    const lateDue = d('2025-01-15T21:30:00Z'); // 22:30 CET
    const quiet = { ...policy, quietHours: berlinNights };
    expect(nextNagAt(lateDue, 0, null, d('2025-01-15T20:00:00Z'), quiet)).toEqual(d('2025-01-16T06:00:00Z'));
  });

  it('when a snooze ends inside quiet hours, then the nag moves on to the end of quiet hours', () => {
    const quiet = { ...policy, quietHours: berlinNights, snoozedUntil: d('2025-01-16T02:00:00Z') }; // 03:00 CET
    expect(nextNagAt(due, 0, null, d('2025-01-15T09:00:00Z'), quiet)).toEqual(d('2025-01-16T06:00:00Z'));
  });
});

describe('afterQuietHours', () => {
  it('when the time is after midnight inside a window crossing midnight, then it moves to the same morning', () => {
    expect(afterQuietHours(d('2025-01-16T01:00:00Z'), berlinNights)).toEqual(d('2025-01-16T06:00:00Z')); // 02:00 CET
  });

  it('when the time is just before the window or exactly at its end, then it stays', () => {
    expect(afterQuietHours(d('2025-01-15T20:59:00Z'), berlinNights)).toEqual(d('2025-01-15T20:59:00Z')); // 21:59 CET
    expect(afterQuietHours(d('2025-01-16T06:00:00Z'), berlinNights)).toEqual(d('2025-01-16T06:00:00Z')); // 07:00 CET
  });

  it('when the night crosses the spring DST change, then the end is 07:00 local summer time', () => {
    // 23:00 CET on 29 March 2025; clocks jump to CEST at 02:00 on the 30th, so 07:00 CEST is 05:00 UTC.
    expect(afterQuietHours(d('2025-03-29T22:00:00Z'), berlinNights)).toEqual(d('2025-03-30T05:00:00Z'));
  });

  it('when the zone is New York, then the window is read in New York time', () => {
    const ny = { start: '22:00', end: '07:00', timeZone: 'America/New_York' };
    // 03:00 UTC = 22:00 EST: quiet; ends 07:00 EST = 12:00 UTC.
    expect(afterQuietHours(d('2025-01-16T03:00:00Z'), ny)).toEqual(d('2025-01-16T12:00:00Z'));
    // The same instant is 04:00 in Berlin, also quiet there, but ends at 06:00 UTC.
    expect(afterQuietHours(d('2025-01-16T03:00:00Z'), berlinNights)).toEqual(d('2025-01-16T06:00:00Z'));
  });

  it('when the window lies within one day (12:00-13:00), then only that hour is quiet', () => {
    const lunch = { start: '12:00', end: '13:00', timeZone: 'UTC' };
    expect(afterQuietHours(d('2025-01-16T12:30:00Z'), lunch)).toEqual(d('2025-01-16T13:00:00Z'));
    expect(afterQuietHours(d('2025-01-16T23:30:00Z'), lunch)).toEqual(d('2025-01-16T23:30:00Z'));
  });
});

describe('quietHoursSchema', () => {
  it('when the zone or a time is wrong, then it says what was expected', () => {
    const r = quietHoursSchema.safeParse({ start: '25:00', end: '07:00', timeZone: 'Mars/Olympus' });
    expect(r.success ? [] : r.error.issues.map((i) => i.message)).toEqual([
      'expected a time like 22:00',
      'unknown time zone "Mars/Olympus": expected an IANA name like Europe/Berlin',
    ]);
  });
});
