import { describe, expect, it } from 'vitest';
import type { Incident, TimelineEntry } from '../../../../src/features/incidents/index.js';
import type { LegalRecord, Notice, StageDeadline, StageSubmission } from '../../../../src/features/notifications/index.js';
import { gatherReviewFacts, stageFacts, type ReviewSources } from '../../../../src/features/reviews/draft/gather.js';
import { errorOf } from '../../../support/error-of.js';
import { anActionItem, at } from './review-builders.js';

const NOW = at('2026-11-24T09:00:00Z');
const DUE = at('2026-11-25T08:30:00Z');

/** A stage as the deadline engine computes it; only what the review reads matters here. */
function aDeadline(over: Partial<StageDeadline> = {}): StageDeadline {
  return {
    regimeId: 'gdpr',
    regimeName: 'GDPR',
    regimeStatus: 'in_force',
    stageId: 'supervisory_authority',
    recipient: 'authority',
    anchor: 'became_aware',
    anchorAt: at('2026-11-22T08:30:00Z'),
    clock: 'calendar_hours',
    offset: 'PT72H',
    due: DUE,
    dueKind: 'legal',
    backstopDue: null,
    waitingFor: null,
    status: 'open',
    timeLeftMs: DUE.getTime() - NOW.getTime(),
    submittedAt: null,
    submittedLate: null,
    notNotifiable: null,
    condition: null,
    hardDeadline: true,
    text: null,
    citation: 'Art 33',
    verification: 'verified',
    zone: 'Europe/Brussels',
    holidays: 'BE',
    basis: [],
    rule: { cutoff: null, relief: 'none', reliefReason: null, eventDateZone: null },
    warnings: [],
    ...over,
  };
}

describe('review draft: how each stage ended', () => {
  it('when submitted before the deadline, then it is met by the time to spare; exactly at it, met with none', () => {
    expect(stageFacts(aDeadline({ status: 'submitted', submittedAt: at('2026-11-25T03:18:00Z') }), NOW)).toMatchObject({ outcome: 'met', marginMs: (5 * 60 + 12) * 60_000 });
    expect(stageFacts(aDeadline({ status: 'submitted', submittedAt: DUE }), NOW)).toMatchObject({ outcome: 'met', marginMs: 0 });
  });

  it('when submitted after the deadline, then it is missed by the delay', () => {
    expect(stageFacts(aDeadline({ status: 'submitted', submittedAt: at('2026-11-25T10:30:00Z'), submittedLate: true }), NOW)).toMatchObject({ outcome: 'missed', marginMs: 2 * 3_600_000 });
  });

  it('when not submitted, then it is open with the time left, or overdue by the time since the deadline', () => {
    expect(stageFacts(aDeadline(), NOW)).toMatchObject({ outcome: 'open', marginMs: DUE.getTime() - NOW.getTime() });
    expect(stageFacts(aDeadline({ status: 'overdue' }), at('2026-11-25T09:30:00Z'))).toMatchObject({ outcome: 'overdue', marginMs: 3_600_000 });
  });

  it('when waiting, decided not notifiable, or without a fixed deadline, then it says which', () => {
    expect(stageFacts(aDeadline({ status: 'waiting', due: null, waitingFor: 'became_aware' }), NOW)).toMatchObject({ outcome: 'waiting', waitingFor: 'became_aware', marginMs: null });
    expect(stageFacts(aDeadline({ status: 'not_notifiable', notNotifiable: { reason: 'no risk', decidedAt: NOW } }), NOW)).toMatchObject({ outcome: 'not_notifiable', notNotifiableReason: 'no risk' });
    expect(stageFacts(aDeadline({ due: null, dueKind: 'none' }), NOW)).toMatchObject({ outcome: 'no_deadline' });
    expect(stageFacts(aDeadline({ due: null, dueKind: 'none', status: 'submitted', submittedAt: NOW }), NOW)).toMatchObject({ outcome: 'submitted' });
  });
});

const incident: Incident = {
  id: 'INC-2026-0001',
  title: 'Checkout down',
  description: '',
  type: 'outage',
  severity: 'sev1',
  status: 'resolved',
  drill: false,
  private: false,
  flags: [],
  declaredBy: 'UALICE',
  declaredAt: at('2026-11-22T09:00:00Z'),
  detectedAt: null,
  resolvedAt: at('2026-11-22T11:00:00Z'),
  closedAt: null,
  channelId: 'C1',
  channelName: 'inc-1',
  cardTs: null,
  announcementChannel: null,
  announcementTs: null,
  lastUpdateAt: null,
  roles: { commander: 'UALICE' },
};

const notice = (over: Partial<Notice>): Notice => ({
  id: 1,
  incidentId: incident.id,
  template: 'regulator-gdpr-art33',
  regimeId: 'gdpr',
  stageId: 'supervisory_authority',
  text: 'x',
  draftedBy: 'UBOB',
  draftedAt: at('2026-11-23T09:00:00Z'),
  status: 'approved',
  decidedBy: 'UCAROL',
  decidedAt: at('2026-11-23T10:00:00Z'),
  messageTs: null,
  ...over,
});

const submission: StageSubmission = {
  regimeId: 'gdpr',
  stageId: 'supervisory_authority',
  submittedAt: at('2026-11-23T11:00:00Z'),
  recordedBy: 'UALICE',
  reference: 'DPC-1',
  noticeId: 1,
  finalText: 'x',
  draftedBy: 'UBOB',
  approvedBy: 'UCAROL',
};

function sources(over: Partial<ReviewSources> = {}, legal: Partial<LegalRecord> = {}): ReviewSources {
  const timeline: TimelineEntry[] = [{ id: 1, incidentId: incident.id, at: incident.declaredAt, kind: 'declared', actor: 'UALICE', text: 'Declared sev2: Checkout down', data: { severity: 'sev2' } }];
  return {
    incident: (id) => (id === incident.id ? incident : null),
    timeline: () => timeline,
    legal: () => ({ regimes: [], submissions: [], decisions: [], notices: [], ...legal }),
    checklist: () => null,
    actionItems: () => [],
    ...over,
  };
}

describe('review draft: gathering the facts', () => {
  it('when the incident does not exist, then gathering refuses it by id', () => {
    expect(errorOf(() => gatherReviewFacts(sources(), 'INC-2026-0404', NOW))).toMatchObject({ code: 'not_found', message: 'No incident INC-2026-0404.' });
  });

  it('when a stage was submitted with an approved notice and another draft is pending, then the sent one comes first with drafter, approver and reference, then the draft', () => {
    const pending = notice({ id: 2, template: 'customer-initial', regimeId: null, stageId: null, status: 'pending', decidedBy: null, decidedAt: null });
    const facts = gatherReviewFacts(sources({}, { submissions: [submission], notices: [notice({}), pending] }), incident.id, NOW);
    expect(facts.notices).toEqual([
      { noticeId: 1, stage: 'gdpr:supervisory_authority', template: 'regulator-gdpr-art33', draftedBy: 'UBOB', draftedAt: at('2026-11-23T09:00:00Z'), approvedBy: 'UCAROL', approvedAt: at('2026-11-23T10:00:00Z'), text: 'x', status: 'submitted', submittedAt: submission.submittedAt, submittedBy: 'UALICE', reference: 'DPC-1' },
      { noticeId: 2, stage: null, template: 'customer-initial', draftedBy: 'UBOB', draftedAt: at('2026-11-23T09:00:00Z'), approvedBy: null, approvedAt: null, text: 'x', status: 'pending', submittedAt: null, submittedBy: null, reference: null },
    ]);
  });

  it('when action items come in any order, then they are listed by due date; the review given is kept as is', () => {
    const later = anActionItem({ id: 'A2', dueAt: at('2026-12-10T00:00:00Z') });
    const sooner = anActionItem({ id: 'A3', dueAt: at('2026-12-02T00:00:00Z') });
    const review = { owner: 'UCAROL', dueAt: NOW, status: 'scheduled', meetingAt: null, drill: false };
    const facts = gatherReviewFacts(sources({ actionItems: () => [later, sooner] }), incident.id, NOW, review);
    expect(facts.actionItems.map((a) => a.id)).toEqual(['A3', 'A2']);
    expect(facts.review).toBe(review);
    expect(facts.severityHistory).toEqual([{ severity: 'sev2', from: incident.declaredAt, until: null, by: 'UALICE' }]);
    expect(facts.playbook).toBeNull();
  });
});
