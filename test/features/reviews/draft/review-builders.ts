/** Builders of review facts with fixed instants, for the renderer's tests. */
import type { ActionItemView, ReviewFacts, StageFacts } from '../../../../src/features/reviews/draft/facts.js';

export const at = (iso: string): Date => new Date(iso);

export function aStage(over: Partial<StageFacts> = {}): StageFacts {
  return {
    stageId: 'supervisory_authority',
    recipient: 'Lead supervisory authority',
    due: at('2026-11-25T09:00:00Z'),
    dueKind: 'legal',
    outcome: 'met',
    marginMs: (5 * 60 + 12) * 60_000,
    submittedAt: at('2026-11-25T03:48:00Z'),
    waitingFor: null,
    notNotifiableReason: null,
    ...over,
  };
}

export function anActionItem(over: Partial<ActionItemView> = {}): ActionItemView {
  return {
    id: 'A1',
    text: 'Add a canary for checkout deploys',
    owner: 'UBOB',
    dueAt: at('2026-12-01T17:00:00Z'),
    status: 'open',
    createdBy: 'UALICE',
    createdAt: at('2026-11-22T12:00:00Z'),
    doneBy: null,
    doneAt: null,
    evidence: null,
    ...over,
  };
}

/** A resolved sev1 with one change of each kind; `over` replaces whole sections. */
export function someFacts(over: Partial<ReviewFacts> = {}): ReviewFacts {
  return {
    generatedAt: at('2026-11-23T09:00:00Z'),
    incident: {
      id: 'INC-2026-0001',
      title: 'Checkout down',
      description: 'Payments failed for EU customers.',
      type: 'outage',
      severity: 'sev1',
      status: 'resolved',
      drill: false,
      private: false,
      declaredBy: 'UALICE',
      declaredAt: at('2026-11-22T09:00:00Z'),
      detectedAt: at('2026-11-22T08:45:00Z'),
      resolvedAt: at('2026-11-22T11:30:00Z'),
      closedAt: null,
    },
    review: { owner: 'UCAROL', dueAt: at('2026-11-29T17:00:00Z'), status: 'scheduled', meetingAt: null, drill: false },
    severityHistory: [
      { severity: 'sev2', from: at('2026-11-22T09:00:00Z'), until: at('2026-11-22T09:20:00Z'), by: 'UALICE' },
      { severity: 'sev1', from: at('2026-11-22T09:20:00Z'), until: null, by: 'UBOB' },
    ],
    roles: [
      { role: 'commander', userId: 'UALICE', from: at('2026-11-22T09:00:00Z'), until: at('2026-11-22T10:00:00Z'), by: 'UALICE' },
      { role: 'commander', userId: 'UBOB', from: at('2026-11-22T10:00:00Z'), until: null, by: 'UALICE' },
    ],
    timeline: [
      { at: at('2026-11-22T09:00:00Z'), kind: 'declared', actor: 'UALICE', text: 'Declared sev2: Checkout down' },
      { at: at('2026-11-22T09:05:00Z'), kind: 'note', actor: 'UBOB', text: 'Rolled back <@UCAROL|carol>’s deploy' },
    ],
    regimes: [{ id: 'gdpr', name: 'GDPR', citation: 'GDPR Art. 33(1)', proposed: false, stages: [aStage()] }],
    notices: [
      {
        noticeId: 1,
        stage: 'gdpr:supervisory_authority',
        template: 'regulator-gdpr-art33',
        draftedBy: 'UBOB',
        draftedAt: at('2026-11-24T10:00:00Z'),
        approvedBy: 'UCAROL',
        approvedAt: at('2026-11-24T11:00:00Z'),
        text: 'We notify a personal data breach.',
        status: 'submitted',
        submittedAt: at('2026-11-25T03:48:00Z'),
        submittedBy: 'UALICE',
        reference: 'CNIL-2026-42',
      },
    ],
    playbook: {
      name: 'Outage',
      steps: [
        { title: 'Page the on-call', phase: 'Detection & analysis', status: 'done', by: 'UALICE', at: at('2026-11-22T09:02:00Z'), evidence: 'PD-123', reason: null, assignee: 'UALICE', dueAt: null, overdue: false },
        { title: 'Status page', phase: 'Containment', status: 'skipped', by: 'UBOB', at: at('2026-11-22T09:30:00Z'), evidence: null, reason: 'internal only', assignee: null, dueAt: null, overdue: false },
        { title: 'Write the RCA', phase: 'Post-incident activity', status: 'open', by: null, at: null, evidence: null, reason: null, assignee: 'UCAROL', dueAt: at('2026-11-24T09:00:00Z'), overdue: false },
      ],
    },
    actionItems: [anActionItem()],
    ...over,
  };
}

export const PEOPLE = { UALICE: 'Alice Example', UBOB: 'Bob Example', UCAROL: 'Carol Example' };
