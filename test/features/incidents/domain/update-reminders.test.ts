import { describe, expect, it } from 'vitest';
import { nextUpdateReminder, type UpdateReminderPolicy } from '../../../../src/features/incidents/domain/update-reminders.js';

const MIN = 60_000;
const quietHours = { start: '22:00', end: '07:00', timeZone: 'Europe/Paris' };
const policy = (overrides: Partial<UpdateReminderPolicy> = {}): UpdateReminderPolicy => ({
  everyMs: 30 * MIN,
  maxPerUpdate: 3,
  quietHours,
  ignoreQuietHours: false,
  ...overrides,
});
// Fixed instants: 09:00 Paris (CET, UTC+1) on a Tuesday, and 21:45 Paris the same day.
const MORNING = new Date('2026-11-24T08:00:00Z');
const LATE = new Date('2026-11-24T20:45:00Z');

describe('nextUpdateReminder', () => {
  it('when no reminder went out since the update, then the first is one cadence later and numbered 1', () => {
    expect(nextUpdateReminder(MORNING, 0, policy())).toEqual({ at: new Date('2026-11-24T08:30:00Z'), number: 1, last: false });
  });

  it('when reminders went out, then each is numbered on and the one that reaches the cap is marked last', () => {
    expect(nextUpdateReminder(MORNING, 1, policy())).toMatchObject({ number: 2, last: false });
    expect(nextUpdateReminder(MORNING, 2, policy())).toMatchObject({ number: 3, last: true });
  });

  it('when the cap is reached, then no reminder is planned', () => {
    expect(nextUpdateReminder(MORNING, 3, policy())).toBeNull();
    expect(nextUpdateReminder(MORNING, 7, policy())).toBeNull();
  });

  it('when the cap is 0, then none is ever planned; when it is 1, then the first is the last', () => {
    expect(nextUpdateReminder(MORNING, 0, policy({ maxPerUpdate: 0 }))).toBeNull();
    expect(nextUpdateReminder(MORNING, 0, policy({ maxPerUpdate: 1 }))).toMatchObject({ number: 1, last: true });
  });

  it('when the reminder would fall in quiet hours, then it waits for their end in their zone', () => {
    // 21:45 + 30m = 22:15 Paris, quiet: 07:00 Paris the next morning (06:00 UTC).
    expect(nextUpdateReminder(LATE, 0, policy())?.at).toEqual(new Date('2026-11-25T06:00:00Z'));
  });

  it('when it falls just before quiet hours start, then it goes out on time', () => {
    // 21:15 + 30m = 21:45 Paris.
    expect(nextUpdateReminder(new Date('2026-11-24T20:15:00Z'), 0, policy())?.at).toEqual(new Date('2026-11-24T20:45:00Z'));
  });

  it('when the severity ignores quiet hours, then the reminder goes out in them on time', () => {
    expect(nextUpdateReminder(LATE, 0, policy({ ignoreQuietHours: true }))?.at).toEqual(new Date('2026-11-24T21:15:00Z'));
  });

  it('when no quiet hours are configured, then the reminder goes out on time at night', () => {
    expect(nextUpdateReminder(LATE, 0, policy({ quietHours: null }))?.at).toEqual(new Date('2026-11-24T21:15:00Z'));
  });

  it('when quiet hours end after a DST change, then the end is read in local time', () => {
    // Night of 28 to 29 March 2026: Paris moves from UTC+1 to UTC+2; 07:00 local is 05:00 UTC.
    expect(nextUpdateReminder(new Date('2026-03-28T21:00:00Z'), 0, policy())?.at).toEqual(new Date('2026-03-29T05:00:00Z'));
  });
});
