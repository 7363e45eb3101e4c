import { describe, expect, it } from 'vitest';
import { reminderTimes } from '../../../../../src/features/notifications/domain/deadlines/reminders.js';
import { WardenError } from '../../../../../src/platform/errors.js';

const H = 3_600_000;
const anchor = new Date('2025-03-28T10:00:00Z');
const offsets = (dates: Date[]) => dates.map((d) => (d.getTime() - anchor.getTime()) / H);

describe('reminderTimes', () => {
  it('when the leads are half-time, 4h, 1h and at due, then it reminds at those instants and hourly after due up to the cap', () => {
    const due = new Date(anchor.getTime() + 72 * H);
    expect(offsets(reminderTimes(anchor, due, ['50%', '4h', '1h', '0'], { every: '1h', max: 3 }))).toEqual([36, 68, 71, 72, 73, 74, 75]);
  });

  it('when a lead reaches back before the anchor, then it is dropped, and equal instants are merged', () => {
    const due = new Date(anchor.getTime() + 2 * H);
    expect(offsets(reminderTimes(anchor, due, ['4h', '50%', '1h', '0'], { every: '30m', max: 1 }))).toEqual([1, 2, 2.5]);
  });

  it('when no reminders after due are wanted, then none are added', () => {
    const due = new Date(anchor.getTime() + 6 * H);
    expect(offsets(reminderTimes(anchor, due, ['0'], { every: '1h', max: 0 }))).toEqual([6]);
  });

  it('when a lead time cannot be read, then it refuses with bad_input naming it', () => {
    const due = new Date(anchor.getTime() + 6 * H);
    expect(() => reminderTimes(anchor, due, ['soon'], { every: '1h', max: 1 })).toThrow(/soon/);
    expect(() => reminderTimes(anchor, due, ['150%'], { every: '1h', max: 1 })).toThrow(WardenError);
    expect(() => reminderTimes(anchor, due, ['1h'], { every: 'often', max: 1 })).toThrow(WardenError);
  });

  it('when the due instant is before the anchor, then it refuses', () => {
    expect(() => reminderTimes(anchor, new Date(anchor.getTime() - H), ['0'], { every: '1h', max: 1 })).toThrow(WardenError);
  });
});
