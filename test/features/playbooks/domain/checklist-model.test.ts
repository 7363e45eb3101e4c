import { describe, expect, it } from 'vitest';
import { checklistModel } from '../../../../src/features/playbooks/domain/checklist-model.js';
import type { StepStates } from '../../../../src/features/playbooks/domain/step-state.js';
import { aChecklistIncident, aDoneState, aPlaybook, aStep } from './builders.js';

const H = 3_600_000;
const playbook = aPlaybook({
  id: 'breach',
  name: 'Personal data breach',
  steps: [
    aStep({ id: 'triage', owner: 'commander', due: { after: '30m', afterMs: H / 2, from: { kind: 'declared' } } }),
    aStep({ id: 'contain', owner: 'ops', due: { after: '4h', afterMs: 4 * H, from: { kind: 'declared' } } }),
    aStep({ id: 'verify', phase: 'containment', due: { after: '1h', afterMs: H, from: { kind: 'step', stepId: 'contain' } } }),
    aStep({
      id: 'gdpr',
      phase: 'eradication_recovery',
      owner: 'comms',
      evidence: 'required',
      due: { after: '72h', afterMs: 72 * H, from: { kind: 'clock', event: 'became_aware' } },
      when: { flagsAll: ['eu_subjects'], flagsAny: [], flagsNone: [], severities: null },
    }),
    aStep({ id: 'review', phase: 'post_incident', owner: 'commander' }),
  ],
});

describe('checklistModel', () => {
  const incident = aChecklistIncident({ roles: { commander: 'UCMD' } });
  const now = new Date('2025-03-01T11:00:00Z'); // declared 10:00

  it('when nothing is done yet, then steps are grouped by phase with owner, role holder, due and overdue', () => {
    const m = checklistModel(playbook, incident, {}, now);
    expect(m.phases.map((p) => [p.phase, p.steps.map((s) => s.id)])).toEqual([
      ['detection_analysis', ['triage', 'contain']],
      ['containment', ['verify']],
      ['post_incident', ['review']],
    ]);
    const triage = m.phases[0]?.steps[0];
    expect(triage).toMatchObject({ ownerRole: 'commander', assignee: 'UCMD', assigned: false, overdue: true, status: 'open' });
    expect(triage?.dueAt).toEqual(new Date('2025-03-01T10:30:00Z'));
    expect(m.phases[0]?.steps[1]).toMatchObject({ assignee: null, overdue: false });
    expect(m.phases[1]?.steps[0]?.dueAt).toBeNull(); // its anchor step is not done
    expect(m.progress).toEqual({ total: 4, done: 0, skipped: 0, open: 4, overdue: 1 });
  });

  it('when a step is done, then it shows who and when, is never overdue, and anchors the steps that follow it', () => {
    const states: StepStates = {
      triage: aDoneState('triage', 'U1', '2025-03-01T10:45:00Z', 'https://ticket/1'),
      contain: aDoneState('contain', 'U2', '2025-03-01T10:50:00Z'),
    };
    const m = checklistModel(playbook, incident, states, now);
    expect(m.phases[0]?.steps[0]).toMatchObject({ status: 'done', by: 'U1', evidence: 'https://ticket/1', overdue: false });
    expect(m.phases[1]?.steps[0]?.dueAt).toEqual(new Date('2025-03-01T11:50:00Z'));
    expect(m.progress).toMatchObject({ done: 2, open: 2, overdue: 0 });
  });

  it('when a flag brings in a clock-anchored step, then its due time follows the recorded clock event', () => {
    const eu = aChecklistIncident({ flags: ['eu_subjects'], clockEvents: { became_aware: new Date('2025-03-01T10:10:00Z') } });
    const m = checklistModel(playbook, eu, {}, now);
    const gdpr = m.phases.find((p) => p.phase === 'eradication_recovery')?.steps[0];
    expect(gdpr).toMatchObject({ id: 'gdpr', evidenceLevel: 'required', dueAt: new Date('2025-03-04T10:10:00Z') });
    expect(m.progress.total).toBe(5);
  });

  it('when a step is assigned to a person, then that person wins over the role holder', () => {
    const states: StepStates = {
      triage: { stepId: 'triage', status: 'open', assignee: 'U7', by: null, at: null, evidence: null, reason: null },
    };
    expect(checklistModel(playbook, incident, states, now).phases[0]?.steps[0]).toMatchObject({ assignee: 'U7', assigned: true });
  });
});
