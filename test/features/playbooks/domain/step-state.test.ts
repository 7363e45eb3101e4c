import { describe, expect, it } from 'vitest';
import { WardenError } from '../../../../src/platform/errors.js';
import { assignStep, completeStep, skipStep, stepStateOf, type StepStates } from '../../../../src/features/playbooks/domain/step-state.js';
import { aPlaybook, aStep } from './builders.js';

const playbook = aPlaybook({
  steps: [aStep({ id: 'plain' }), aStep({ id: 'proof', title: 'Preserve logs', evidence: 'required' })],
});
const t1 = new Date('2025-03-01T10:05:00Z');
const t2 = new Date('2025-03-01T10:05:02Z');

function expectBadInput(fn: () => unknown): WardenError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(WardenError);
    expect((e as WardenError).code).toBe('bad_input');
    return e as WardenError;
  }
  throw new Error('expected a bad_input WardenError');
}

describe('completeStep', () => {
  it('when an open step is completed, then it records who, when and the evidence, leaving the input untouched', () => {
    const states: StepStates = {};
    const r = completeStep(playbook, states, { stepId: 'proof', by: 'U1', at: t1, evidence: ' https://logs/x ' });
    expect(r).toMatchObject({ ok: true, state: { status: 'done', by: 'U1', at: t1, evidence: 'https://logs/x' } });
    expect(states).toEqual({});
  });

  it('when two people click Done, then the second gets "already done by" the first, with the time', () => {
    const first = completeStep(playbook, {}, { stepId: 'plain', by: 'U1', at: t1 });
    if (!first.ok) throw new Error('first click should win');
    const second = completeStep(playbook, first.states, { stepId: 'plain', by: 'U2', at: t2 });
    expect(second).toEqual({
      ok: false,
      conflict: { stepId: 'plain', status: 'done', by: 'U1', at: t1, message: 'already done by <@U1> at 2025-03-01T10:05:00.000Z' },
    });
  });

  it('when the step needs evidence and none is given, then it is refused as bad input', () => {
    const e = expectBadInput(() => completeStep(playbook, {}, { stepId: 'proof', by: 'U1', at: t1, evidence: '   ' }));
    expect(e.message).toContain('Preserve logs');
  });

  it('when the step does not need evidence, then it completes without any', () => {
    expect(completeStep(playbook, {}, { stepId: 'plain', by: 'U1', at: t1 }).ok).toBe(true);
  });

  it('when the step id is unknown, then it is not_found', () => {
    expect(() => completeStep(playbook, {}, { stepId: 'nope', by: 'U1', at: t1 })).toThrow(
      expect.objectContaining({ code: 'not_found' }),
    );
  });
});

describe('skipStep', () => {
  it('when skipped with a reason, then the state is skipped with who, when and why', () => {
    const r = skipStep(playbook, {}, { stepId: 'plain', by: 'U3', at: t1, reason: 'No EU subjects' });
    expect(r).toMatchObject({ ok: true, state: { status: 'skipped', by: 'U3', reason: 'No EU subjects' } });
  });

  it('when the reason is empty, then it is refused as bad input', () => {
    expectBadInput(() => skipStep(playbook, {}, { stepId: 'plain', by: 'U3', at: t1, reason: ' ' }));
  });

  it('when the step was already done, then skipping is a conflict naming who did it', () => {
    const done = completeStep(playbook, {}, { stepId: 'plain', by: 'U1', at: t1 });
    if (!done.ok) throw new Error('unreachable');
    const r = skipStep(playbook, done.states, { stepId: 'plain', by: 'U2', at: t2, reason: 'dup' });
    expect(r.ok ? null : r.conflict.message).toBe('already done by <@U1> at 2025-03-01T10:05:00.000Z');
  });

  it('when the step was skipped, then completing it is a conflict saying "already skipped"', () => {
    const skipped = skipStep(playbook, {}, { stepId: 'plain', by: 'U1', at: t1, reason: 'n/a' });
    if (!skipped.ok) throw new Error('unreachable');
    const r = completeStep(playbook, skipped.states, { stepId: 'plain', by: 'U2', at: t2 });
    expect(r.ok ? null : r.conflict.status).toBe('skipped');
  });
});

describe('assignStep', () => {
  it('when an open step is assigned, then the assignee is recorded and the step stays open', () => {
    const r = assignStep(playbook, {}, { stepId: 'plain', assignee: 'U9' });
    expect(r.ok && r.state).toMatchObject({ status: 'open', assignee: 'U9' });
    expect(r.ok && stepStateOf(r.states, 'plain').assignee).toBe('U9');
  });

  it('when a done step is assigned, then it is a conflict', () => {
    const done = completeStep(playbook, {}, { stepId: 'plain', by: 'U1', at: t1 });
    if (!done.ok) throw new Error('unreachable');
    expect(assignStep(playbook, done.states, { stepId: 'plain', assignee: 'U9' }).ok).toBe(false);
  });
});
