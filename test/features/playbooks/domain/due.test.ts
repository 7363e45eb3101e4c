import { describe, expect, it } from 'vitest';
import { parseDuration } from '../../../../src/platform/duration.js';
import { stepDueAt, type DueContext } from '../../../../src/features/playbooks/domain/due.js';
import type { DueAnchor } from '../../../../src/features/playbooks/domain/model.js';

const due = (after: string, from: DueAnchor) => ({ due: { after, afterMs: parseDuration(after) ?? 0, from } });
const ctx: DueContext = {
  declaredAt: new Date('2025-03-01T10:00:00Z'),
  stepDoneAt: { contain: new Date('2025-03-01T12:30:00Z') },
  clockEvents: { became_aware: new Date('2025-03-02T08:00:00Z') },
};

describe('stepDueAt', () => {
  it('when the step has no due rule, then it has no due time', () => {
    expect(stepDueAt({ due: null }, ctx)).toBeNull();
  });

  it('when due from declaration, then it counts from the declaration time', () => {
    expect(stepDueAt(due('30m', { kind: 'declared' }), ctx)).toEqual(new Date('2025-03-01T10:30:00Z'));
  });

  it('when due from another step, then it counts from when that step was done', () => {
    expect(stepDueAt(due('4h', { kind: 'step', stepId: 'contain' }), ctx)).toEqual(new Date('2025-03-01T16:30:00Z'));
  });

  it('when the anchor step is not done yet, then the due time is unknown (null)', () => {
    expect(stepDueAt(due('4h', { kind: 'step', stepId: 'eradicate' }), ctx)).toBeNull();
  });

  it('when due from a clock event, then it counts from the recorded event', () => {
    expect(stepDueAt(due('72h', { kind: 'clock', event: 'became_aware' }), ctx)).toEqual(new Date('2025-03-05T08:00:00Z'));
  });

  it('when the clock event has not been recorded, then the due time is unknown (null)', () => {
    expect(stepDueAt(due('24h', { kind: 'clock', event: 'ransom_paid' }), ctx)).toBeNull();
  });

  it('when a 72h clock crosses a DST change, then it is 72 elapsed hours', () => {
    // Europe/Berlin springs forward on 2025-03-30: 72 wall-clock hours would be 71 elapsed.
    const aware = { ...ctx, clockEvents: { became_aware: new Date('2025-03-29T09:00:00Z') } };
    const at = stepDueAt(due('72h', { kind: 'clock', event: 'became_aware' }), aware);
    expect(at?.getTime()).toBe(new Date('2025-03-29T09:00:00Z').getTime() + 72 * 3_600_000);
  });
});
