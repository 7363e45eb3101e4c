/** Use-case tests on a real (in-memory) database: a store, a fixed clock, a small catalog, a declared incident. */
import { declareIncident } from '../../../../src/features/incidents/app/declare-incident.js';
import { noClockEvents, type ClockEventsPort, type PlaybookDeps } from '../../../../src/features/playbooks/app/deps.js';
import { createAccessControl } from '../../../../src/features/access/index.js';
import { ManualClock } from '../../../../src/platform/clock.js';
import type { IncidentFlag, IncidentType } from '../../../../src/features/incidents/domain/incident-model.js';
import type { Playbook } from '../../../../src/features/playbooks/domain/model.js';
import { migrate, openDb } from '../../../../src/platform/db/db.js';
import { playbookRepo } from '../../../../src/features/playbooks/store/playbook-repo.js';
import { createStore } from '../../../../src/features/incidents/store/store.js';
import { aPlaybook, aStep } from '../domain/builders.js';
import { ALL_MIGRATIONS } from '../../../../src/compose-features.js';

export const T0 = '2026-03-02T10:00:00.000Z';
export const HOUR = 3_600_000;

/** Security playbook: `triage` due 1h, `notify` due 24h after `clock:became_aware`, `eu` only with `eu_subjects`. */
export const SECURITY = aPlaybook({
  id: 'sec',
  name: 'Security',
  steps: [
    aStep({ id: 'triage', owner: 'commander', due: { after: '1h', afterMs: HOUR, from: { kind: 'declared' } } }),
    aStep({ id: 'proof', evidence: 'required' }),
    aStep({ id: 'notify', owner: 'comms', due: { after: '24h', afterMs: 24 * HOUR, from: { kind: 'clock', event: 'became_aware' } } }),
    aStep({ id: 'eu', when: { flagsAll: ['eu_subjects'], flagsAny: [], flagsNone: [], severities: null } }),
  ],
});
export const OTHER = aPlaybook({ id: 'other', name: 'Other', appliesTo: { types: ['outage'], severities: [], flags: [] }, steps: [aStep({ id: 'triage' })] });

export function aPlaybookWorld(opts: { catalog?: Playbook[]; clockEvents?: ClockEventsPort; type?: IncidentType; flags?: IncidentFlag[] } = {}) {
  const db = openDb(':memory:');
  migrate(db, ALL_MIGRATIONS);
  const clock = new ManualClock(T0);
  const store = createStore(db);
  const published: { name: string; event: unknown }[] = [];
  const deps: PlaybookDeps = {
    store,
    // No subscriber here: the tests call the playbook's handlers themselves and read what was published.
    events: { publish: (name, event) => void published.push({ name, event }) },
    clock,
    policy: { severities: [], defaultSeverity: 'sev3', roles: [], updateEveryMs: () => 4 * HOUR, updateReminders: () => ({ everyMs: 4 * HOUR, maxPerUpdate: 3, quietHours: null, ignoreQuietHours: false }), roleDuty: () => '', timeZone: 'UTC', privateTypes: [] },
    access: createAccessControl({ roles: {}, clock, groupCacheTtlMs: 60_000, recordDenial: () => undefined }),
    responseBoundKinds: ['incident.update_reminder', 'playbook.nag', 'playbook.dm'],
    playbooks: playbookRepo(db),
    catalog: opts.catalog ?? [SECURITY, OTHER],
    nags: { every: HOUR, maxPerStep: 3, quietHours: null },
    clockEvents: opts.clockEvents ?? noClockEvents,
  };
  const { incident } = declareIncident(deps, { userId: 'UCMD' }, { title: 'Leak', severity: 'sev2', type: opts.type ?? 'security', flags: opts.flags ?? [] });
  const jobs = (kind: string) => store.jobs.pendingFor(incident.id).filter((j) => j.kind === kind);
  const events = (name: string) => published.filter((p) => p.name === name).map((p) => p.event);
  return { deps, store, clock, incident, jobs, events, ref: (stepId: string) => ({ incidentId: incident.id, stepId }) };
}
