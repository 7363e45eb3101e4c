import { beforeEach, describe, expect, it } from 'vitest';
import type { Incident } from '../../../../src/features/incidents/domain/incident.js';
import { migrate, openDb, type Db } from '../../../../src/platform/db/db.js';
import { playbookRepo, type PlaybookRepo } from '../../../../src/features/playbooks/store/playbook-repo.js';
import { createStore } from '../../../../src/features/incidents/store/store.js';
import { ALL_MIGRATIONS } from '../../../../src/compose-features.js';

const at = new Date('2026-11-22T09:00:00Z');
let db: Db;
let repo: PlaybookRepo;

function anIncidentRow(id: string): Incident {
  return {
    id, title: 't', description: '', type: 'security', severity: 'sev2', status: 'investigating', drill: false, private: false, flags: [],
    declaredBy: 'UALICE', declaredAt: at, detectedAt: null, resolvedAt: null, closedAt: null, channelId: null, channelName: null,
    cardTs: null, announcementChannel: null, announcementTs: null, lastUpdateAt: null, roles: {},
  };
}

beforeEach(() => {
  db = openDb(':memory:');
  migrate(db, ALL_MIGRATIONS);
  createStore(db).incidents.insert(anIncidentRow('INC-1'), null);
  repo = playbookRepo(db);
});

describe('playbook repository', () => {
  it('when a playbook is attached and then switched, then the generation grows and the flags seen are kept', () => {
    expect(repo.attachment('INC-1')).toBeNull();
    repo.attach('INC-1', 'outage', 'UALICE', at, ['customer_impact']);
    expect(repo.attachment('INC-1')).toMatchObject({ playbookId: 'outage', generation: 1, attachedBy: 'UALICE', flagsSeen: ['customer_impact'] });
    repo.attach('INC-1', 'ddos', 'UBOB', at, []);
    expect(repo.attachment('INC-1')).toMatchObject({ playbookId: 'ddos', generation: 2, attachedBy: 'UBOB', flagsSeen: [] });
  });

  it('when a step is closed, then a second write for the same step changes nothing', () => {
    const done = { stepId: 's1', status: 'done' as const, assignee: null, by: 'UALICE', at, evidence: 'link', reason: null };
    expect(repo.saveState('INC-1', 'outage', done)).toBe(true);
    expect(repo.saveState('INC-1', 'outage', { ...done, by: 'UBOB' })).toBe(false);
    expect(repo.states('INC-1', 'outage')).toEqual({ s1: done });
    expect(repo.states('INC-1', 'ddos')).toEqual({});
  });

  it('when nags are sent and a step is snoozed, then the counters add up per step', () => {
    repo.recordNag('INC-1', 'outage', 's1', at);
    repo.recordNag('INC-1', 'outage', 's1', new Date(at.getTime() + 1000));
    repo.snooze('INC-1', 'outage', 's1', new Date('2026-11-22T12:00:00Z'));
    expect(repo.nagRecord('INC-1', 'outage', 's1')).toEqual({
      nagsSent: 2,
      lastNagAt: new Date(at.getTime() + 1000),
      snoozedUntil: new Date('2026-11-22T12:00:00Z'),
    });
    expect(repo.nagRecord('INC-1', 'outage', 's2')).toEqual({ nagsSent: 0, lastNagAt: null, snoozedUntil: null });
    expect(repo.states('INC-1', 'outage').s1?.status).toBe('open');
  });

  it('when checklist messages are saved, then they come back in order and can be replaced or removed', () => {
    repo.saveMessage({ incidentId: 'INC-1', generation: 1, part: 1, channelId: 'C1', ts: '2.0', hash: 'b' });
    repo.saveMessage({ incidentId: 'INC-1', generation: 1, part: 0, channelId: 'C1', ts: '1.0', hash: 'a' });
    repo.saveMessage({ incidentId: 'INC-1', generation: 1, part: 0, channelId: 'C1', ts: '1.0', hash: 'c' });
    expect(repo.messages('INC-1').map((m) => [m.part, m.ts, m.hash])).toEqual([[0, '1.0', 'c'], [1, '2.0', 'b']]);
    repo.removeMessage('INC-1', 1, 1);
    expect(repo.messages('INC-1')).toHaveLength(1);
  });
});
