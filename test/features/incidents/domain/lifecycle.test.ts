import { describe, expect, it } from 'vitest';
import { isWardenError } from '../../../../src/platform/errors.js';
import { INCIDENT_STATUSES, type IncidentStatus } from '../../../../src/features/incidents/domain/incident-model.js';
import { TRANSITIONS, isActive, moveStatus, refuseIfClosed, transition } from '../../../../src/features/incidents/domain/lifecycle.js';

const at = new Date('2026-11-22T10:00:00Z');
const allowed: [IncidentStatus, IncidentStatus][] = INCIDENT_STATUSES.flatMap((from) => TRANSITIONS[from].map((to) => [from, to] as [IncidentStatus, IncidentStatus]));
const refused: [IncidentStatus, IncidentStatus][] = INCIDENT_STATUSES.flatMap((from) =>
  INCIDENT_STATUSES.filter((to) => !TRANSITIONS[from].includes(to)).map((to) => [from, to] as [IncidentStatus, IncidentStatus]),
);

describe('the transition table', () => {
  it('has exactly the moves the product promises', () => {
    expect(TRANSITIONS).toEqual({
      investigating: ['identified', 'monitoring', 'resolved'],
      identified: ['investigating', 'monitoring', 'resolved'],
      monitoring: ['investigating', 'identified', 'resolved'],
      resolved: ['closed', 'investigating'],
      closed: [],
    });
  });

  it.each(allowed)('allows %s → %s and stamps the time', (from, to) => {
    expect(transition(from, to, at)).toMatchObject({ from, to, at });
  });

  it.each(refused)('refuses %s → %s with the allowed moves', (from, to) => {
    try {
      transition(from, to, at);
      expect.unreachable();
    } catch (e) {
      expect(isWardenError(e) && e.code).toBe('refused_transition');
      const moves = TRANSITIONS[from];
      if (moves.length > 0) expect((e as Error).message).toContain(`Allowed from *${from}*: ${moves.join(', ')}.`);
    }
  });

  it('marks resolving as the end of the response and reopening as its restart', () => {
    expect(transition('monitoring', 'resolved', at)).toMatchObject({ endsResponse: true, reopens: false });
    expect(transition('resolved', 'investigating', at)).toMatchObject({ endsResponse: false, reopens: true });
    expect(transition('resolved', 'closed', at)).toMatchObject({ endsResponse: false, reopens: false });
    expect(transition('investigating', 'identified', at)).toMatchObject({ endsResponse: false, reopens: false });
  });

  it('says a closed incident is final', () => {
    expect(() => transition('closed', 'investigating', at)).toThrow('A closed incident is final.');
  });

  it('treats the three working statuses as active', () => {
    expect(INCIDENT_STATUSES.filter(isActive)).toEqual(['investigating', 'identified', 'monitoring']);
  });
});

describe('refuseIfClosed: the one refusal of a change to a closed incident', () => {
  it('when the incident is closed, then it refuses, saying what can no longer change', () => {
    expect(() => refuseIfClosed({ id: 'INC-2026-0001', status: 'closed' }, 'its flags are final.')).toThrow('INC-2026-0001 is closed; its flags are final.');
    expect(() => refuseIfClosed({ id: 'INC-2026-0001', status: 'closed' })).toThrow(/^INC-2026-0001 is closed\.$/);
  });

  it.each(['investigating', 'identified', 'monitoring', 'resolved'] as const)('when the incident is %s, then the change may go ahead', (status) => {
    expect(() => refuseIfClosed({ id: 'INC-2026-0001', status })).not.toThrow();
  });
});

describe('moveStatus: what a status move changes and announces', () => {
  const at = new Date('2026-12-01T10:00:00Z');
  const incident = (status: IncidentStatus) => ({ id: 'INC-2026-0001', status });

  it('when an incident resolves, then it is stamped resolved and the move is announced once', () => {
    const move = moveStatus(incident('monitoring'), 'resolved', 'UALICE', at);
    expect(move.patch).toEqual({ status: 'resolved', resolvedAt: at });
    expect(move.change.endsResponse).toBe(true);
    expect(move.events).toEqual([{ name: 'incident.status_changed', event: { incidentId: 'INC-2026-0001', from: 'monitoring', to: 'resolved', by: 'UALICE' } }]);
  });

  it('when a resolved incident reopens, then its resolution is cleared; when it closes, it is stamped closed', () => {
    expect(moveStatus(incident('resolved'), 'investigating', 'UBOB', at).patch).toEqual({ status: 'investigating', resolvedAt: null });
    expect(moveStatus(incident('resolved'), 'closed', 'UBOB', at).patch).toEqual({ status: 'closed', closedAt: at });
  });

  it('when the move is not in the table, then it is refused and announces nothing', () => {
    expect(() => moveStatus(incident('closed'), 'investigating', 'UBOB', at)).toThrow('A closed incident is final.');
  });
});
