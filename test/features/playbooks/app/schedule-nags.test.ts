import { describe, expect, it } from 'vitest';
import { changeStatus } from '../../../../src/features/incidents/app/change-status.js';
import { refreshChecklist } from '../../../../src/features/playbooks/app/apply-flag-change.js';
import { attachFittingPlaybook } from '../../../../src/features/playbooks/app/attach-playbook.js';
import type { ClockEventsPort } from '../../../../src/features/playbooks/app/deps.js';
import { runNag, scheduleNags } from '../../../../src/features/playbooks/app/schedule-nags.js';
import { snoozeStep } from '../../../../src/features/playbooks/app/snooze-step.js';
import type { ClockEvent } from '../../../../src/features/incidents/domain/incident-model.js';
import { aPlaybookWorld, HOUR, T0 } from './a-playbook-world.js';

const at = (ms: number) => new Date(Date.parse(T0) + ms).toISOString();
const nagTimes = (w: ReturnType<typeof aPlaybookWorld>) => w.jobs('playbook.nag').map((j) => [j.payload.stepId, j.dueAt.toISOString()]);

describe('planning nags', () => {
  it('when a step has a due time, then its first nag is planned at it; steps without one get none', () => {
    const w = aPlaybookWorld();
    attachFittingPlaybook(w.deps, w.incident.id);
    expect(nagTimes(w)).toEqual([['triage', at(HOUR)]]);
  });

  it('when the clocks port reports became_aware, then the anchored step gets its due time and a nag on refresh', () => {
    const events: Partial<Record<ClockEvent, Date>> = {};
    const port: ClockEventsPort = { eventsFor: () => events };
    const w = aPlaybookWorld({ clockEvents: port });
    attachFittingPlaybook(w.deps, w.incident.id);
    events.became_aware = new Date(at(2 * HOUR));
    refreshChecklist(w.deps, w.incident.id);
    expect(nagTimes(w)).toEqual([['triage', at(HOUR)], ['notify', at(26 * HOUR)]]);
  });

  it('when a nag falls due, then the owner is DMed, the count goes up and the next one is planned; the cap ends it', () => {
    const w = aPlaybookWorld();
    attachFittingPlaybook(w.deps, w.incident.id);
    const payload = { incidentId: w.incident.id, playbookId: 'sec', stepId: 'triage' };
    for (let n = 1; n <= 3; n++) {
      w.clock.set(at(n * HOUR));
      runNag(w.deps, payload);
    }
    expect(w.jobs('playbook.dm').map((j) => [j.payload.userId, j.payload.nth])).toEqual([['UCMD', 1], ['UCMD', 2], ['UCMD', 3]]);
    expect(w.deps.playbooks.nagRecord(w.incident.id, 'sec', 'triage').nagsSent).toBe(3);
    expect(scheduleNags(w.deps, w.incident.id, w.clock.now())).toBe(0);
  });

  it('when a nag job comes early (after a snooze), then it waits instead of sending', () => {
    const w = aPlaybookWorld();
    attachFittingPlaybook(w.deps, w.incident.id);
    snoozeStep(w.deps, { userId: 'UCMD' }, w.ref('triage'), 3 * HOUR);
    expect(nagTimes(w)).toEqual([['triage', at(3 * HOUR)]]);
    w.clock.set(at(HOUR));
    runNag(w.deps, { incidentId: w.incident.id, playbookId: 'sec', stepId: 'triage' });
    expect(w.jobs('playbook.dm')).toEqual([]);
    expect(() => snoozeStep(w.deps, { userId: 'UCMD' }, w.ref('triage'), 60_000)).toThrow('Snooze for 5m to 7d');
  });

  it('when the incident is resolved, then nag jobs are cancelled and a late one sends nothing', () => {
    const w = aPlaybookWorld();
    attachFittingPlaybook(w.deps, w.incident.id);
    changeStatus(w.deps, { userId: 'UCMD' }, w.incident.id, 'resolved');
    expect(w.jobs('playbook.nag')).toEqual([]);
    w.clock.set(at(HOUR));
    runNag(w.deps, { incidentId: w.incident.id, playbookId: 'sec', stepId: 'triage' });
    expect(w.jobs('playbook.dm')).toEqual([]);
    expect(scheduleNags(w.deps, w.incident.id, w.clock.now())).toBe(0);
  });
});
