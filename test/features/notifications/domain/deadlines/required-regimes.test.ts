// One scenario per required regime, computed from the shipped catalog with fixed instants.
import { describe, expect, it } from 'vitest';
import { computeDeadlines } from '../../../../../src/features/notifications/domain/deadlines/compute-deadlines.js';
import type { DeadlineInput, StageDeadline } from '../../../../../src/features/notifications/domain/deadlines/stage-deadline.js';
import { at, shippedRegime } from './shipped-regimes.js';

function dues(regimeId: string, input: DeadlineInput, now = at('2020-01-01T00:00:00Z')): Record<string, string | null> {
  const list: StageDeadline[] = computeDeadlines(shippedRegime(regimeId), input, now);
  return Object.fromEntries(list.map((s) => [s.stageId, s.due ? s.due.toISOString() : null]));
}

describe('required regimes', () => {
  it('gdpr: 72 elapsed hours from awareness to the supervisory authority, 24h internal target for a processor', () => {
    expect(dues('gdpr', { events: { became_aware: at('2025-03-28T10:00:00Z') } })).toEqual({
      processor_to_controller: '2025-03-29T10:00:00.000Z',
      supervisory_authority: '2025-03-31T10:00:00.000Z',
      data_subjects: null,
    });
  });

  it('uk-gdpr: 72 elapsed hours across the UK spring-forward', () => {
    expect(dues('uk-gdpr', { events: { became_aware: at('2025-03-29T09:00:00Z') } })).toEqual({
      processor_to_controller: '2025-03-30T09:00:00.000Z', // internal target, not law
      ico: '2025-04-01T09:00:00.000Z',
      data_subjects: null,
    });
  });

  it('nis2: 24h early warning, 72h notification, final report a month after the notification was submitted (across the EU fall-back)', () => {
    const list = dues('nis2', {
      events: { became_aware: at('2025-10-13T08:00:00Z') },
      submissions: { incident_notification: at('2025-10-15T08:00:00Z') },
    });
    expect(list).toMatchObject({
      early_warning: '2025-10-14T08:00:00.000Z',
      incident_notification: '2025-10-16T08:00:00.000Z',
      intermediate_report: null,
      final_report: '2025-11-15T22:59:59.999Z', // a Saturday: NIS2 gives no weekend relief
    });
  });

  it('dora: 4 hours from classification as major', () => {
    const aware = at('2025-03-03T08:00:00Z');
    expect(dues('dora', { events: { became_aware: aware, classified_major: at('2025-03-03T09:30:00Z') } })).toMatchObject({
      initial_notification: '2025-03-03T13:30:00.000Z',
      intermediate_report: null,
      final_report: null,
    });
  });

  it('sec-8k: 4 business days after the materiality determination, skipping Thanksgiving', () => {
    // The 4th business day is Wed 4 Dec; EDGAR's 17:30 ET cut-off makes the due instant 17:30 ET that day.
    expect(dues('sec-8k', { events: { materiality_determined: at('2024-11-27T15:00:00Z') } })).toEqual({
      form_8k_item_1_05: '2024-12-04T22:30:00.000Z',
      form_8k_a: null,
    });
  });

  it('hipaa: 60 calendar days from discovery, and 60 days after the end of the year for small breaches (leap year)', () => {
    // 1 Nov + 60 days = end of 31 Dec (Eastern).
    expect(dues('hipaa', { events: { discovered: at('2023-11-01T14:00:00Z') } })).toEqual({
      business_associate_to_covered_entity: '2024-01-01T04:59:59.999Z',
      individuals: '2024-01-01T04:59:59.999Z',
      hhs_500_or_more: '2024-01-01T04:59:59.999Z',
      hhs_under_500_annual: '2024-03-01T04:59:59.999Z', // 31 Dec 2023 + 60 days = 29 Feb 2024
      media: '2024-01-01T04:59:59.999Z',
    });
    expect(dues('hipaa', { events: { discovered: at('2024-06-01T14:00:00Z') } }).hhs_under_500_annual).toBe('2025-03-02T04:59:59.999Z');
  });

  it('nydfs: 72 elapsed hours from determination across the US spring-forward; ransom payment clocks', () => {
    expect(dues('nydfs', { events: { determined: at('2025-03-07T15:00:00Z'), ransom_paid: at('2025-03-08T12:00:00Z') } })).toEqual({
      cybersecurity_incident: '2025-03-10T15:00:00.000Z',
      extortion_payment_notice: '2025-03-09T12:00:00.000Z',
      extortion_payment_explanation: '2025-04-08T03:59:59.999Z',
    });
  });

  it('au-ndb: 30 days to assess from suspicion (across the Sydney fall-back); the statement waits for belief', () => {
    const list = computeDeadlines(shippedRegime('au-ndb'), { events: { suspected: at('2025-04-01T00:00:00Z') } }, at('2025-04-02T00:00:00Z'));
    expect(list.map((s) => [s.stageId, s.due?.toISOString() ?? null, s.waitingFor])).toEqual([
      ['assessment_complete', '2025-05-01T13:59:59.999Z', null],
      ['oaic_statement', null, 'determined'],
      ['individuals', null, 'stage:oaic_statement.submitted'],
    ]);
  });

  it('sg-pdpa: end of the 3rd day after the assessment day, whatever the hour of the assessment', () => {
    for (const assessed of ['2025-03-02T16:00:00Z', '2025-03-03T02:00:00Z', '2025-03-03T15:30:00Z']) {
      expect(dues('sg-pdpa', { events: { assessed_notifiable: at(assessed) } }).pdpc).toBe('2025-03-06T15:59:59.999Z');
    }
  });

  it('in-certin: 6 hours from noticing the incident', () => {
    expect(dues('in-certin', { events: { noticed: at('2025-06-01T20:00:00Z') } })).toEqual({ cert_in_report: '2025-06-02T02:00:00.000Z' });
  });

  it('us-co: 30 days from determination, counted on the Denver calendar', () => {
    expect(dues('us-co', { events: { determined: at('2025-01-31T20:00:00Z') } })).toEqual({
      residents: '2025-03-03T06:59:59.999Z',
      attorney_general: '2025-03-03T06:59:59.999Z',
      consumer_reporting_agencies: null,
    });
  });

  it('us-fl: 10 days for a third-party agent, 30 days for individuals and the Department', () => {
    expect(dues('us-fl', { events: { determined: at('2025-10-01T14:00:00Z') } })).toEqual({
      third_party_agent_to_covered_entity: '2025-10-12T03:59:59.999Z',
      individuals: '2025-11-01T03:59:59.999Z',
      department_of_legal_affairs: '2025-11-01T03:59:59.999Z',
      consumer_reporting_agencies: null,
    });
  });

  it('us-wa: 30 days from discovery across the US fall-back', () => {
    expect(dues('us-wa', { events: { discovered: at('2025-10-20T17:00:00Z') } })).toEqual({
      residents: '2025-11-20T07:59:59.999Z',
      attorney_general: '2025-11-20T07:59:59.999Z',
    });
  });

  it('us-tx: 30 days for the AG and 60 days for individuals across the US spring-forward', () => {
    expect(dues('us-tx', { events: { determined: at('2025-02-10T16:00:00Z') } })).toEqual({
      individuals: '2025-04-12T04:59:59.999Z',
      attorney_general: '2025-03-13T04:59:59.999Z',
      custodian_to_owner: null,
      consumer_reporting_agencies: null,
    });
  });

  it('circia: proposed and disabled by default; its deadlines say so', () => {
    const circia = shippedRegime('circia');
    expect(circia).toMatchObject({ status: 'proposed', enabledByDefault: false });
    const list = computeDeadlines(circia, { events: { determined: at('2025-05-01T12:00:00Z') } }, at('2025-05-01T12:00:00Z'));
    expect(list[0]).toMatchObject({ regimeStatus: 'proposed', stageId: 'covered_cyber_incident_report' });
    expect(list[0]?.due?.toISOString()).toBe('2025-05-04T12:00:00.000Z');
    expect(list.find((s) => s.stageId === 'supplemental_reports')?.verification).toBe('unverified');
  });
});
