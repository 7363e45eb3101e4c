import { describe, expect, it } from 'vitest';
import { deliverableAt, escalationAt, newPlanSince, nextReminder, nextStep, plannedReminders, type FollowUpPolicy } from '../../../src/platform/calendar/follow-up.js';

const H = 3_600_000;
const D = 24 * H;
const PARIS = { zone: 'Europe/Paris', holidays: 'FR' };
const policy = (over: Partial<FollowUpPolicy> = {}): FollowUpPolicy => ({
  before: [2 * D, 12 * H],
  overdueEvery: D,
  overdueMax: 3,
  escalateAfter: D,
  quietHours: { start: '22:00', end: '07:00', timeZone: 'Europe/Paris' },
  calendar: PARIS,
  ...over,
});
const iso = (d: Date | undefined | null) => d?.toISOString();
// Due at the end of Wednesday 30 Dec 2026 in Paris.
const DUE = new Date('2026-12-30T22:59:59.999Z');
const SINCE = new Date('2026-12-22T09:00:00.000Z');

describe('plannedReminders', () => {
  it('when set well ahead, then it lists the lead times, soonest lead last, then each overdue reminder', () => {
    expect(plannedReminders(DUE, SINCE, policy()).map((r) => [r.n, r.kind, iso(r.nominal)])).toEqual([
      [0, 'before', '2026-12-28T22:59:59.999Z'],
      [1, 'before', '2026-12-30T10:59:59.999Z'],
      [2, 'overdue', '2026-12-31T22:59:59.999Z'],
      [3, 'overdue', '2027-01-01T22:59:59.999Z'],
      [4, 'overdue', '2027-01-02T22:59:59.999Z'],
    ]);
  });

  it('when a lead time was already past when the due time was set, then it is left out', () => {
    const late = new Date('2026-12-29T12:00:00.000Z');
    expect(plannedReminders(DUE, late, policy()).map((r) => r.kind)).toEqual(['before', 'overdue', 'overdue', 'overdue']);
  });

  it('when a lead is 0, then it is the due reminder; duplicates and negative leads are dropped; leads sort whatever the order', () => {
    const plan = plannedReminders(DUE, SINCE, policy({ before: [0, 2 * D, 0, -H], overdueMax: 0 }));
    expect(plan.map((r) => [r.kind, iso(r.nominal)])).toEqual([
      ['before', '2026-12-28T22:59:59.999Z'],
      ['due', iso(DUE)],
    ]);
  });

  it('when a share of the window is asked for, then it comes that far between setting and due, merged in time order', () => {
    // 22 Dec 09:00Z to 30 Dec 22:59:59.999Z: half-way is 26 Dec 15:59:59.999Z (rounded to the ms).
    const plan = plannedReminders(DUE, SINCE, policy({ before: [2 * D], elapsed: [50, 0, 100, 50], overdueMax: 0 }));
    expect(plan.map((r) => [r.kind, iso(r.nominal)])).toEqual([
      ['before', '2026-12-26T16:00:00.000Z'],
      ['before', '2026-12-28T22:59:59.999Z'],
    ]);
  });

  it('when overdueMax is 0 or overdueEvery is 0, then nothing follows the due time', () => {
    expect(plannedReminders(DUE, SINCE, policy({ overdueMax: 0 })).every((r) => r.kind !== 'overdue')).toBe(true);
    expect(plannedReminders(DUE, SINCE, policy({ overdueEvery: 0 })).every((r) => r.kind !== 'overdue')).toBe(true);
  });
});

describe('deliverableAt', () => {
  it('when the time is in quiet hours on a working day, then it moves to the end of the quiet hours', () => {
    expect(iso(deliverableAt(new Date('2026-12-28T22:59:59.999Z'), policy()))).toBe('2026-12-29T06:00:00.000Z');
  });

  it('when the quiet hours end on a holiday, then it moves to the next working day at the end of the quiet hours', () => {
    // 23:59 Thu 31 Dec -> Fri 1 Jan is a holiday, then the weekend -> Mon 4 Jan 07:00 Paris.
    expect(iso(deliverableAt(new Date('2026-12-31T22:59:59.999Z'), policy()))).toBe('2027-01-04T06:00:00.000Z');
  });

  it('when the time is on a weekend afternoon, then it moves to Monday at the end of the quiet hours', () => {
    expect(iso(deliverableAt(new Date('2027-01-09T14:00:00.000Z'), policy()))).toBe('2027-01-11T06:00:00.000Z');
  });

  it('when the time is fine, then it stays; without quiet hours a day off moves it to midnight of the next working day', () => {
    const ok = new Date('2026-12-29T10:00:00.000Z');
    expect(deliverableAt(ok, policy())).toBe(ok);
    expect(iso(deliverableAt(new Date('2026-12-25T10:00:00.000Z'), policy({ quietHours: null })))).toBe('2026-12-27T23:00:00.000Z');
  });

  it('when there is no holiday calendar, then only weekends are days off', () => {
    const christmas = new Date('2026-12-25T10:00:00.000Z');
    expect(deliverableAt(christmas, policy({ calendar: { zone: 'Europe/Paris', holidays: null } }))).toBe(christmas);
  });

  it('when the zone is across a DST change, then the end of the quiet hours is local 07:00 on each side', () => {
    const p = policy({ calendar: { zone: 'Europe/Paris', holidays: null } });
    expect(iso(deliverableAt(new Date('2027-03-29T03:00:00.000Z'), p))).toBe('2027-03-29T05:00:00.000Z'); // CEST
    expect(iso(deliverableAt(new Date('2027-03-26T03:00:00.000Z'), p))).toBe('2027-03-26T06:00:00.000Z'); // CET
  });
});

describe('nextReminder', () => {
  it('when nothing was sent, then the first reminder comes at its deliverable time', () => {
    const next = nextReminder(DUE, SINCE, 0, null, policy());
    expect([next?.reminder.n, iso(next?.at)]).toEqual([0, '2026-12-29T06:00:00.000Z']);
  });

  it('when reminders would pile up after a holiday weekend, then the ones at or before the last send are folded into it', () => {
    const sentAt = new Date('2027-01-04T06:00:00.000Z');
    expect(nextReminder(DUE, SINCE, 3, sentAt, policy())).toBeNull();
    const longer = nextReminder(DUE, SINCE, 3, sentAt, policy({ overdueMax: 6 }));
    expect([longer?.reminder.n, iso(longer?.at)]).toEqual([6, '2027-01-05T06:00:00.000Z']); // n 5 (Sun 23:59) folds into Monday's
  });

  it('when the plan is spent, then there is none', () => {
    expect(nextReminder(DUE, SINCE, 5, null, policy())).toBeNull();
  });
});

describe('escalationAt', () => {
  it('when escalation is on, then it is the due time plus the delay, moved out of quiet hours and days off', () => {
    expect(iso(escalationAt(DUE, policy()))).toBe('2027-01-04T06:00:00.000Z');
    expect(iso(escalationAt(new Date('2026-12-28T12:00:00.000Z'), policy({ escalateAfter: 2 * H })))).toBe('2026-12-28T14:00:00.000Z');
  });

  it('when escalation is off, then there is none', () => {
    expect(escalationAt(DUE, policy({ escalateAfter: null }))).toBeNull();
  });
});

describe('nextStep and newPlanSince', () => {
  it('when reminders remain, then the step names the next one; when the plan is spent, the number is one past its end', () => {
    const step = nextStep(DUE, SINCE, 1, null, policy());
    expect([step.n, iso(step.next?.at)]).toEqual([1, '2026-12-30T10:59:59.999Z']);
    expect(nextStep(DUE, SINCE, 5, null, policy())).toEqual({ n: 5, next: null });
    expect(nextStep(DUE, SINCE, 3, new Date('2027-01-04T06:00:00.000Z'), policy())).toEqual({ n: 5, next: null });
  });

  it('when a plan restarts in the millisecond the last one started, then it starts just after it, so its jobs get new keys', () => {
    const t = new Date('2026-11-22T09:00:00.000Z');
    expect(newPlanSince(new Date('2026-11-22T08:00:00.000Z'), t)).toBe(t);
    expect(newPlanSince(t, t).toISOString()).toBe('2026-11-22T09:00:00.001Z');
    expect(newPlanSince(new Date(0), t)).toBe(t);
  });
});
