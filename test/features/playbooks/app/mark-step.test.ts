import { describe, expect, it } from 'vitest';
import { attachFittingPlaybook } from '../../../../src/features/playbooks/app/attach-playbook.js';
import { assignStepTo, markStepDone, markStepSkipped } from '../../../../src/features/playbooks/app/mark-step.js';
import { changeStatus } from '../../../../src/features/incidents/app/change-status.js';
import { aPlaybookWorld } from './a-playbook-world.js';

function running() {
  const w = aPlaybookWorld();
  attachFittingPlaybook(w.deps, w.incident.id);
  return w;
}

describe('ticking, skipping and assigning steps', () => {
  it('when a step is done, then state, timeline, audit, checklist refresh and nag plan change together', () => {
    const w = running();
    expect(w.jobs('playbook.nag').map((j) => j.payload.stepId)).toEqual(['triage']);
    // The checklist was posted: its first sync ran. A tick then asks for another (one waiting would have sufficed).
    for (const j of w.jobs('playbook.sync')) w.store.jobs.markDone(j.id, new Date());
    const outcome = markStepDone(w.deps, { userId: 'UBOB' }, w.ref('triage'));
    expect(outcome).toMatchObject({ ok: true, title: 'Step triage', state: { status: 'done', by: 'UBOB' } });
    expect(w.store.timeline.list(w.incident.id).at(-1)).toMatchObject({ kind: 'playbook', actor: 'UBOB', text: 'Step done: Step triage' });
    expect(w.store.audit.forIncident(w.incident.id).at(-1)).toMatchObject({ action: 'playbook.step_done', details: { stepId: 'triage', playbookId: 'sec' } });
    expect(w.jobs('playbook.sync')).toHaveLength(1);
    expect(w.jobs('playbook.nag')).toEqual([]);
  });

  it('when the same step is clicked again, then the second gets who was first and nothing more is written', () => {
    const w = running();
    markStepDone(w.deps, { userId: 'UBOB' }, w.ref('triage'));
    const audit = w.store.audit.forIncident(w.incident.id).length;
    const second = markStepSkipped(w.deps, { userId: 'UCAROL' }, w.ref('triage'), 'dup');
    expect(second).toMatchObject({ ok: false, conflict: { status: 'done', by: 'UBOB', at: new Date('2026-03-02T10:00:00.000Z') } });
    expect(w.store.audit.forIncident(w.incident.id)).toHaveLength(audit);
  });

  it('when evidence is required and missing, then nothing at all is written', () => {
    const w = running();
    const audit = w.store.audit.forIncident(w.incident.id).length;
    expect(() => markStepDone(w.deps, { userId: 'UBOB' }, w.ref('proof'), '  ')).toThrow(/needs evidence/);
    expect(w.deps.playbooks.states(w.incident.id, 'sec')).toEqual({});
    expect(w.store.audit.forIncident(w.incident.id)).toHaveLength(audit);
  });

  it('when a step is hidden by the flags or unknown, then it is refused', () => {
    const w = running();
    expect(() => markStepDone(w.deps, { userId: 'UBOB' }, w.ref('eu'))).toThrow('does not apply to');
    expect(() => markStepDone(w.deps, { userId: 'UBOB' }, w.ref('nope'))).toThrow('has no step `nope`');
  });

  it('when a step is assigned to someone else, then they get a DM and the nag plan follows; self-assignment sends none', () => {
    const w = running();
    assignStepTo(w.deps, { userId: 'UCMD' }, w.ref('triage'), 'UCAROL');
    expect(w.jobs('playbook.dm').map((j) => j.payload)).toEqual([{ type: 'assigned', incidentId: w.incident.id, stepId: 'triage', userId: 'UCAROL', by: 'UCMD' }]);
    assignStepTo(w.deps, { userId: 'UBOB' }, w.ref('proof'), 'UBOB');
    expect(w.jobs('playbook.dm')).toHaveLength(1);
  });

  it('when the incident is closed, then its checklist is final', () => {
    const w = running();
    changeStatus(w.deps, { userId: 'UCMD' }, w.incident.id, 'resolved');
    markStepDone(w.deps, { userId: 'UBOB' }, w.ref('triage'));
    changeStatus(w.deps, { userId: 'UCMD' }, w.incident.id, 'closed');
    expect(() => markStepSkipped(w.deps, { userId: 'UBOB' }, w.ref('proof'), 'late')).toThrow('checklist is final');
  });
});
