import { describe, expect, it } from 'vitest';
import { setFlags } from '../../../../src/features/incidents/app/set-flags.js';
import { applyFlagChange } from '../../../../src/features/playbooks/app/apply-flag-change.js';
import { attachFittingPlaybook, switchPlaybook } from '../../../../src/features/playbooks/app/attach-playbook.js';
import { markStepDone } from '../../../../src/features/playbooks/app/mark-step.js';
import { aPlaybook } from '../domain/builders.js';
import { aPlaybookWorld } from './a-playbook-world.js';

describe('setting flags', () => {
  it('when a flag is turned on, then the set is stored in canonical order, recorded, and every feature is told', () => {
    const w = aPlaybookWorld({ flags: ['phi'] });
    const after = setFlags(w.deps, { userId: 'UBOB' }, w.incident.id, { personal_data: true });
    expect(after.flags).toEqual(['personal_data', 'phi']);
    expect(w.store.timeline.list(w.incident.id).at(-1)).toMatchObject({ kind: 'flag_changed', actor: 'UBOB', text: 'Flags: personal_data on' });
    expect(w.store.audit.forIncident(w.incident.id).at(-1)).toMatchObject({ action: 'incident.flags_changed', details: { before: ['phi'], after: ['personal_data', 'phi'] } });
    expect(w.events('incident.flags_changed')).toEqual([{ incidentId: w.incident.id, before: ['phi'], after: ['personal_data', 'phi'], by: 'UBOB' }]);
    expect(w.jobs('slack.refresh_card')).toHaveLength(1);
  });

  it('when a flag already has that value, then it is refused and nothing is queued', () => {
    const w = aPlaybookWorld();
    expect(() => setFlags(w.deps, { userId: 'UBOB' }, w.incident.id, { phi: false })).toThrow('Flag `phi` is already off');
    expect(w.events('incident.flags_changed')).toEqual([]);
  });
});

describe('the flags-changed hook', () => {
  it('when steps appear, then one notice is queued, and running the same change again queues nothing', () => {
    const w = aPlaybookWorld();
    attachFittingPlaybook(w.deps, w.incident.id);
    setFlags(w.deps, { userId: 'UBOB' }, w.incident.id, { eu_subjects: true });
    const change = { incidentId: w.incident.id, after: ['eu_subjects' as const], by: 'UBOB' };
    applyFlagChange(w.deps, change);
    applyFlagChange(w.deps, change);
    expect(w.jobs('playbook.notice').map((j) => j.payload)).toEqual([
      { type: 'flags_changed', incidentId: w.incident.id, playbookId: 'sec', appeared: ['eu'], left: [], by: 'UBOB', before: [], after: ['eu_subjects'] },
    ]);
  });

  it('when no playbook runs and a flag makes one fit, then it is attached and announced before its checklist', () => {
    const pdb = aPlaybook({ id: 'pdb', appliesTo: { types: ['security'], severities: [], flags: ['personal_data'] } });
    const w = aPlaybookWorld({ catalog: [pdb] });
    expect(attachFittingPlaybook(w.deps, w.incident.id)).toBeNull();
    setFlags(w.deps, { userId: 'UBOB' }, w.incident.id, { personal_data: true });
    applyFlagChange(w.deps, { incidentId: w.incident.id, after: ['personal_data'], by: 'UBOB' });
    expect(w.deps.playbooks.attachment(w.incident.id)).toMatchObject({ playbookId: 'pdb', attachedBy: 'UBOB', flagsSeen: ['personal_data'] });
    const queued = w.store.jobs.pendingFor(w.incident.id).map((j) => j.kind).filter((k) => k.startsWith('playbook.'));
    expect(queued.slice(0, 2)).toEqual(['playbook.notice', 'playbook.sync']);
  });
});

describe('attaching and switching', () => {
  it('when the declared hook runs twice, then one playbook is attached and one checklist post queued', () => {
    const w = aPlaybookWorld();
    expect(attachFittingPlaybook(w.deps, w.incident.id)?.id).toBe('sec');
    expect(attachFittingPlaybook(w.deps, w.incident.id)).toBeNull();
    expect(w.jobs('playbook.sync')).toHaveLength(1);
    expect(w.store.audit.forIncident(w.incident.id).filter((e) => e.action === 'playbook.attached')).toHaveLength(1);
  });

  it('when no playbook fits, then nothing is attached', () => {
    const w = aPlaybookWorld({ type: 'ddos' });
    expect(attachFittingPlaybook(w.deps, w.incident.id)).toBeNull();
    expect(w.deps.playbooks.attachment(w.incident.id)).toBeNull();
  });

  it('when switching away and back, then each playbook keeps its own progress', () => {
    const w = aPlaybookWorld();
    attachFittingPlaybook(w.deps, w.incident.id);
    markStepDone(w.deps, { userId: 'UBOB' }, w.ref('triage'));
    expect(switchPlaybook(w.deps, { userId: 'UBOB' }, w.incident.id, 'other')).toMatchObject({ playbook: { id: 'other' }, previous: { id: 'sec' } });
    expect(() => markStepDone(w.deps, { userId: 'UBOB' }, w.ref('proof'), 'x')).toThrow('has no step `proof`');
    markStepDone(w.deps, { userId: 'UBOB' }, w.ref('triage'));
    switchPlaybook(w.deps, { userId: 'UBOB' }, w.incident.id, 'SEC');
    expect(w.deps.playbooks.attachment(w.incident.id)).toMatchObject({ playbookId: 'sec', generation: 3 });
    expect(Object.keys(w.deps.playbooks.states(w.incident.id, 'sec'))).toEqual(['triage']);
    expect(w.jobs('playbook.notice').map((j) => j.payload.type)).toEqual(['switched', 'switched']);
  });

  it('when the playbook id is unknown or already running, then a clear refusal', () => {
    const w = aPlaybookWorld();
    attachFittingPlaybook(w.deps, w.incident.id);
    expect(() => switchPlaybook(w.deps, { userId: 'UBOB' }, w.incident.id, 'nope')).toThrow('No playbook `nope`. Available: `sec`, `other`.');
    expect(() => switchPlaybook(w.deps, { userId: 'UBOB' }, w.incident.id, 'sec')).toThrow('already runs playbook *Security*');
  });
});
