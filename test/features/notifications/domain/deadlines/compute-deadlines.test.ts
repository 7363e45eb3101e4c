import { describe, expect, it } from 'vitest';
import { computeDeadlines } from '../../../../../src/features/notifications/domain/deadlines/compute-deadlines.js';
import type { Entity } from '../../../../../src/features/notifications/domain/deadlines/entity.js';
import type { Regime } from '../../../../../src/features/notifications/domain/deadlines/regime.js';
import type { StageDeadline } from '../../../../../src/features/notifications/domain/deadlines/stage-deadline.js';
import { WardenError } from '../../../../../src/platform/errors.js';
import { at, shippedRegime } from './shipped-regimes.js';

function stage(list: StageDeadline[], id: string): StageDeadline {
  const s = list.find((x) => x.stageId === id);
  if (!s) throw new Error(`no stage ${id}`);
  return s;
}

const gdpr = shippedRegime('gdpr');
/** A Belgian payment institution: DORA gives it weekend relief on Belgian working days. */
const bePayments: Entity = { name: 'Pay BE', type: 'payment_institution', country: 'BE', zone: 'Europe/Brussels', doraReliefExcluded: false };
const aware = at('2025-03-28T10:00:00Z');

describe('statuses relative to now', () => {
  const sa = (now: string, extra: Partial<Parameters<typeof computeDeadlines>[1]> = {}) =>
    stage(computeDeadlines(gdpr, { events: { became_aware: aware }, ...extra }, at(now)), 'supervisory_authority');

  it('when most of the window remains, then the stage is open with the time left', () => {
    const s = sa('2025-03-28T11:00:00Z');
    expect(s.status).toBe('open');
    expect(s.timeLeftMs).toBe(71 * 3_600_000);
  });

  it('when a quarter or less of the window remains, then the stage is due soon', () => {
    // 25% of 72 hours is 18 hours: due soon from 2025-03-30T16:00Z.
    expect(sa('2025-03-30T15:59:00Z').status).toBe('open');
    expect(sa('2025-03-30T16:00:00Z').status).toBe('due_soon');
  });

  it('when the due instant has passed, then the stage is overdue with negative time left', () => {
    const s = sa('2025-03-31T11:30:00Z');
    expect(s.status).toBe('overdue');
    expect(s.timeLeftMs).toBe(-90 * 60_000);
  });

  it('when the stage was submitted after its due instant, then it is submitted and marked late', () => {
    const s = sa('2025-04-02T00:00:00Z', { submissions: { supervisory_authority: at('2025-03-31T12:00:00Z') } });
    expect(s).toMatchObject({ status: 'submitted', submittedLate: true, timeLeftMs: null });
  });

  it('when the stage was submitted in time, then it is not marked late', () => {
    const s = sa('2025-04-02T00:00:00Z', { submissions: { supervisory_authority: at('2025-03-30T12:00:00Z') } });
    expect(s.submittedLate).toBe(false);
  });

  it('when a person decided the stage is not notifiable, then that decision wins over the clock', () => {
    const decision = { reason: 'encrypted laptop, key not compromised', decidedAt: at('2025-03-29T09:00:00Z') };
    const s = sa('2025-04-02T00:00:00Z', { notNotifiable: { supervisory_authority: decision } });
    expect(s).toMatchObject({ status: 'not_notifiable', notNotifiable: decision, timeLeftMs: null });
  });

  it('when the anchor event is not recorded, then the stage waits for it and has no due instant', () => {
    const s = stage(computeDeadlines(gdpr, { events: {} }, aware), 'supervisory_authority');
    expect(s).toMatchObject({ status: 'waiting', waitingFor: 'became_aware', due: null, dueKind: 'legal', timeLeftMs: null });
  });
});

describe('stages without a fixed period', () => {
  const list = computeDeadlines(gdpr, { events: { became_aware: aware } }, at('2025-03-28T11:00:00Z'));

  it('when an internal target is configured, then the due instant is the house SLA, labelled internal', () => {
    const s = stage(list, 'processor_to_controller');
    expect(s).toMatchObject({ dueKind: 'internal', clock: 'none', offset: null, status: 'open' });
    expect(s.due?.toISOString()).toBe('2025-03-29T10:00:00.000Z');
    expect(s.basis.join(' ')).toContain('house SLA, not law');
  });

  it('when no internal target is configured, then there is no due instant and the stage is open', () => {
    expect(stage(list, 'data_subjects')).toMatchObject({ dueKind: 'none', due: null, status: 'open', timeLeftMs: null });
  });

  it('when the law says "where feasible", then the stage carries hardDeadline false, the condition and the citation', () => {
    expect(stage(list, 'supervisory_authority')).toMatchObject({
      hardDeadline: false,
      verification: 'verified',
      citation: gdpr.citation,
      zone: 'Europe/Brussels',
      condition: expect.stringContaining('Art 33(5)'),
    });
  });
});

describe('DORA: backstop, late classification, chaining, weekend relief', () => {
  const dora = shippedRegime('dora');
  const awareMon = at('2025-03-03T08:00:00Z');
  const initial = (classified: string | null) =>
    stage(
      computeDeadlines(dora, { events: { became_aware: awareMon, ...(classified ? { classified_major: at(classified) } : {}) } }, awareMon),
      'initial_notification',
    );

  it('when classified early, then 4 hours from classification is earlier than the 24-hour backstop and wins', () => {
    const s = initial('2025-03-03T10:00:00Z');
    expect(s.due?.toISOString()).toBe('2025-03-03T14:00:00.000Z');
    expect(s.backstopDue?.toISOString()).toBe('2025-03-04T08:00:00.000Z');
  });

  it('when classified 22 hours after awareness, then the 24-hours-from-awareness backstop is earlier and wins', () => {
    const s = initial('2025-03-04T06:00:00Z');
    expect(s.due?.toISOString()).toBe('2025-03-04T08:00:00.000Z');
    expect(s.basis.join(' ')).toContain('not later than PT24H (calendar_hours) from became_aware');
    expect(s.verification).toBe('partial');
  });

  it('when classified after the 24-hour backstop has passed, then 4 hours from classification apply (RTS Art 5(2), partly verified)', () => {
    const s = initial('2025-03-04T14:00:00Z');
    expect(s.due?.toISOString()).toBe('2025-03-04T18:00:00.000Z');
    expect(s.verification).toBe('partial');
    expect(s.basis.join(' ')).toContain('RTS Art 5(2)');
  });

  it('when the late-classification rule is less sure than the stage, then the deadline is only as sure as that rule', () => {
    const unsure: Regime = {
      ...dora,
      verification: 'verified',
      stages: dora.stages.map((s) => (s.notLaterThan ? { ...s, notLaterThan: { ...s.notLaterThan, lapseVerification: 'unverified' as const } } : s)),
    };
    const events = { became_aware: awareMon, classified_major: at('2025-03-04T14:00:00Z') };
    expect(stage(computeDeadlines(unsure, { events }, awareMon), 'initial_notification').verification).toBe('unverified');
  });

  it('when not yet classified, then the stage waits for classification and shows the backstop it would have', () => {
    const s = initial(null);
    expect(s).toMatchObject({ status: 'waiting', waitingFor: 'classified_major', due: null });
    expect(s.backstopDue?.toISOString()).toBe('2025-03-04T08:00:00.000Z');
  });

  it('when the initial notification is submitted, then the intermediate report runs 72 hours from that submission', () => {
    const list = computeDeadlines(
      dora,
      { events: { became_aware: awareMon, classified_major: awareMon }, submissions: { initial_notification: at('2025-03-03T11:00:00Z') } },
      awareMon,
    );
    expect(stage(list, 'intermediate_report').due?.toISOString()).toBe('2025-03-06T11:00:00.000Z');
    expect(stage(list, 'final_report')).toMatchObject({ status: 'waiting', waitingFor: 'stage:intermediate_report.submitted' });
  });

  it('when the intermediate report would fall on a Saturday before Whit Monday, then it moves to Tuesday 12:00 Brussels time', () => {
    const list = computeDeadlines(dora, { events: {}, submissions: { initial_notification: at('2025-06-04T10:00:00Z') } }, awareMon, { entity: bePayments });
    const s = stage(list, 'intermediate_report');
    expect(s.due?.toISOString()).toBe('2025-06-10T10:00:00.000Z');
    expect(s.basis.join(' ')).toContain('2025-06-07T10:00:00.000Z is not a working day in BE (Europe/Brussels): moved to 12:00 next working day for Pay BE');
    expect(s.rule).toMatchObject({ relief: 'applied' });
  });

  it('when the intermediate report is submitted on 31 January, then the final report is due at the end of 28 February', () => {
    const list = computeDeadlines(dora, { events: {}, submissions: { intermediate_report: at('2025-01-31T09:00:00Z') } }, awareMon);
    expect(stage(list, 'final_report').due?.toISOString()).toBe('2025-02-28T22:59:59.999Z');
  });
});

describe('backstop without late-anchor relief', () => {
  it('when the main anchor comes after a backstop that keeps applying, then the backstop stays the deadline (already overdue)', () => {
    const base = shippedRegime('dora');
    const strict: Regime = {
      ...base,
      stages: base.stages.map((s) => (s.notLaterThan ? { ...s, notLaterThan: { ...s.notLaterThan, ifLapsed: 'backstop_applies' as const } } : s)),
    };
    const events = { became_aware: at('2025-03-03T08:00:00Z'), classified_major: at('2025-03-04T14:00:00Z') };
    const s = stage(computeDeadlines(strict, { events }, at('2025-03-04T14:00:00Z')), 'initial_notification');
    expect(s.due?.toISOString()).toBe('2025-03-04T08:00:00.000Z');
    expect(s.status).toBe('overdue');
    expect(s.verification).toBe('partial');
  });
});

describe('verification carried to each stage', () => {
  it("when a stage has its own verification, then it overrides the regime's", () => {
    const list = computeDeadlines(shippedRegime('hipaa'), { events: { discovered: at('2024-06-03T14:00:00Z') } }, at('2024-06-03T14:00:00Z'));
    expect(stage(list, 'business_associate_to_covered_entity').verification).toBe('verified_secondary');
    expect(stage(list, 'individuals').verification).toBe('verified');
  });
});

describe('weekend rule verification', () => {
  it('when the weekend rule moves a deadline, then the deadline is only as sure as the weekend rule', () => {
    const base = shippedRegime('dora');
    const sure: Regime = { ...base, verification: 'verified', weekendRule: base.weekendRule && { ...base.weekendRule, verification: 'partial' } };
    const opts = { entity: bePayments };
    const moved = stage(computeDeadlines(sure, { events: {}, submissions: { initial_notification: at('2025-06-04T10:00:00Z') } }, at('2025-06-04T10:00:00Z'), opts), 'intermediate_report');
    const notMoved = stage(computeDeadlines(sure, { events: {}, submissions: { initial_notification: at('2025-06-02T10:00:00Z') } }, at('2025-06-02T10:00:00Z'), opts), 'intermediate_report');
    expect(moved.verification).toBe('partial');
    expect(notMoved.verification).toBe('verified');
  });

  it('when a stage opts out of the weekend rule, then its deadline stays on the weekend', () => {
    const base = shippedRegime('dora');
    const optOut: Regime = { ...base, stages: base.stages.map((s) => ({ ...s, weekendRuleApplies: false })) };
    const s = stage(computeDeadlines(optOut, { events: {}, submissions: { initial_notification: at('2025-06-04T10:00:00Z') } }, at('2025-06-04T10:00:00Z'), { entity: bePayments }), 'intermediate_report');
    expect(s.due?.toISOString()).toBe('2025-06-07T10:00:00.000Z');
  });
});

describe('bad input', () => {
  it('when an event instant is invalid, then it refuses with bad_input naming the event', () => {
    const run = () => computeDeadlines(gdpr, { events: { became_aware: new Date('nope') } }, aware);
    expect(run).toThrow(WardenError);
    expect(run).toThrow(/became_aware/);
  });
});
