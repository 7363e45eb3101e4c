import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, openDb, type Db } from '../../../../src/platform/db/db.js';
import { ALL_MIGRATIONS } from '../../../../src/compose-features.js';
import { createStore, type Store } from '../../../../src/features/incidents/store/store.js';
import { RECENT_DUPLICATE_SQL } from '../../../../src/features/incidents/store/incident-repo.js';
import type { Incident } from '../../../../src/features/incidents/domain/incident.js';

const T0 = Date.parse('2026-11-22T09:00:00Z');

function anIncident(n: number, o: Partial<Incident> = {}): Incident {
  return {
    id: `INC-2026-${String(n).padStart(4, '0')}`, title: `Incident ${n}`, description: '', type: 'security', severity: 'sev2', status: 'investigating',
    drill: false, private: false, flags: [], declaredBy: 'UALICE01', declaredAt: new Date(T0 + n * 60_000), detectedAt: null, resolvedAt: null, closedAt: null,
    channelId: null, channelName: null, cardTs: null, announcementChannel: null, announcementTs: null, lastUpdateAt: null, roles: {}, ...o,
  };
}

let db: Db;
let store: Store;
const ids = (xs: readonly Incident[]) => xs.map((i) => i.id);

/** Stores incident `n` as declare does: the declarer is commander and a member. */
function declare(n: number, o: Partial<Incident> = {}): Incident {
  const incident = anIncident(n, o);
  store.incidents.insert(incident, null);
  store.incidents.setRole(incident.id, 'commander', incident.declaredBy, incident.declaredBy, incident.declaredAt);
  store.incidents.addMember(incident.id, incident.declaredBy, incident.declaredAt);
  return incident;
}

beforeEach(() => {
  db = openDb(':memory:');
  migrate(db, ALL_MIGRATIONS);
  store = createStore(db);
});
afterEach(() => db.close());

describe('open-incident reads (migration 016)', () => {
  it('when a page is read, then it is the newest open incidents the viewer may see, and the next starts after the last shown', () => {
    for (let n = 1; n <= 6; n++) declare(n, { private: n === 5, declaredBy: n === 5 ? 'UBOB0001' : 'UALICE01' });
    store.incidents.update('INC-2026-0006', { status: 'closed' });
    expect(ids(store.incidents.openVisiblePage('UCAROL01', null, 3))).toEqual(['INC-2026-0004', 'INC-2026-0003', 'INC-2026-0002']);
    expect(ids(store.incidents.openVisiblePage('UBOB0001', null, 3))).toEqual(['INC-2026-0005', 'INC-2026-0004', 'INC-2026-0003']);
    const after = { declaredAt: new Date(T0 + 3 * 60_000).toISOString(), id: 'INC-2026-0003' };
    expect(ids(store.incidents.openVisiblePage('UBOB0001', after, 3))).toEqual(['INC-2026-0002', 'INC-2026-0001']);
  });

  it('when incidents are declared in the same instant, then the id breaks the tie and a page boundary between them loses none', () => {
    for (let n = 1; n <= 4; n++) declare(n, { declaredAt: new Date(T0) });
    const first = store.incidents.openVisiblePage('UCAROL01', null, 2);
    const last = first.at(-1)!;
    const rest = store.incidents.openVisiblePage('UCAROL01', { declaredAt: last.declaredAt.toISOString(), id: last.id }, 2);
    expect([...ids(first), ...ids(rest)]).toEqual(['INC-2026-0004', 'INC-2026-0003', 'INC-2026-0002', 'INC-2026-0001']);
  });

  it('when a role is given, moved or its incident closed, then the holder’s open incidents and roles follow', () => {
    declare(1);
    declare(2);
    store.incidents.setRole('INC-2026-0001', 'scribe', 'UBOB0001', 'UALICE01', new Date(T0));
    store.incidents.setRole('INC-2026-0002', 'scribe', 'UBOB0001', 'UALICE01', new Date(T0));
    store.incidents.setRole('INC-2026-0002', 'comms', 'UBOB0001', 'UALICE01', new Date(T0));
    expect(ids(store.incidents.openHeldBy('UBOB0001', 10))).toEqual(['INC-2026-0002', 'INC-2026-0001']);
    expect(store.incidents.openHeldBy('UBOB0001', 10)[0]?.roles).toEqual({ commander: 'UALICE01', scribe: 'UBOB0001', comms: 'UBOB0001' });
    expect(ids(store.incidents.openHeldBy('UBOB0001', 1))).toEqual(['INC-2026-0002']);
    store.incidents.setRole('INC-2026-0002', 'scribe', 'UCAROL01', 'UALICE01', new Date(T0));
    expect(store.incidents.openRolesOf('UBOB0001', 10)).toEqual([{ incidentId: 'INC-2026-0002', role: 'comms' }, { incidentId: 'INC-2026-0001', role: 'scribe' }]);
    store.incidents.update('INC-2026-0002', { status: 'resolved' });
    expect(ids(store.incidents.openHeldBy('UCAROL01', 10))).toEqual(['INC-2026-0002']);
    store.incidents.update('INC-2026-0002', { status: 'closed' });
    expect(store.incidents.openHeldBy('UCAROL01', 10)).toEqual([]);
    expect(store.incidents.openRolesOf('UBOB0001', 10)).toEqual([{ incidentId: 'INC-2026-0001', role: 'scribe' }]);
  });

  it('when a private incident is made public or a member leaves, then it is listed once, to everyone, and the leaver keeps seeing only public ones', () => {
    declare(1, { private: true });
    store.incidents.addMember('INC-2026-0001', 'UBOB0001', new Date(T0));
    expect(ids(store.incidents.openVisiblePage('UCAROL01', null, 5))).toEqual([]);
    store.incidents.removeMember('INC-2026-0001', 'UBOB0001');
    expect(ids(store.incidents.openVisiblePage('UBOB0001', null, 5))).toEqual([]);
    store.incidents.update('INC-2026-0001', { private: false });
    expect(ids(store.incidents.openVisiblePage('UALICE01', null, 5))).toEqual(['INC-2026-0001']);
    expect(ids(store.incidents.openVisiblePage('UCAROL01', null, 5))).toEqual(['INC-2026-0001']);
  });

  it('when the same person declares the same title within the window, then the duplicate is found, case aside; not another person’s, not an older one', () => {
    declare(1, { title: 'Payments down', declaredBy: 'UALICE01' });
    const since = new Date(T0);
    expect(store.incidents.recentDuplicate('UALICE01', 'PAYMENTS DOWN', since)?.id).toBe('INC-2026-0001');
    expect(store.incidents.recentDuplicate('UBOB0001', 'Payments down', since)).toBeNull();
    expect(store.incidents.recentDuplicate('UALICE01', 'Payments down', new Date(T0 + 2 * 60_000))).toBeNull();
  });

  it('checks for a duplicate with one seek by person, lower-cased title and time, not a read of everything the person declared meanwhile', () => {
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${RECENT_DUPLICATE_SQL}`).all('U1', 't', 'x') as { detail: string }[]).map((p) => p.detail);
    expect(plan).toEqual(['SEARCH incidents USING INDEX incidents_declarer_title_recent (declared_by=? AND <expr>=? AND declared_at>?)']);
  });
});

describe('migration 016 on a database with incidents', () => {
  it('when applied, then the roles and memberships of open incidents already stored are found, and closed ones are not', () => {
    const old = openDb(':memory:');
    migrate(old, ALL_MIGRATIONS.filter((m) => m.version < 16));
    const insert = old.prepare("INSERT INTO incidents (id, title, type, severity, status, private, declared_by, declared_at) VALUES (?, 't', 'security', 'sev2', ?, ?, 'UALICE01', ?)");
    insert.run('INC-2026-0001', 'investigating', 1, new Date(T0).toISOString());
    insert.run('INC-2026-0002', 'closed', 0, new Date(T0 + 1).toISOString());
    for (const id of ['INC-2026-0001', 'INC-2026-0002']) {
      old.prepare("INSERT INTO incident_roles (incident_id, role, user_id, assigned_by, assigned_at) VALUES (?, 'commander', 'UALICE01', 'UALICE01', 'x')").run(id);
      old.prepare("INSERT INTO incident_members (incident_id, user_id, since) VALUES (?, 'UALICE01', 'x')").run(id);
    }
    migrate(old, ALL_MIGRATIONS);
    const s = createStore(old);
    expect(ids(s.incidents.openHeldBy('UALICE01', 5))).toEqual(['INC-2026-0001']);
    expect(ids(s.incidents.openVisiblePage('UALICE01', null, 5))).toEqual(['INC-2026-0001']);
    expect(ids(s.incidents.openVisiblePage('UCAROL01', null, 5))).toEqual([]);
    old.close();
  });
});

describe('open incidents by severity, as /metrics reads them', () => {
  it('when incidents open, close, change severity and include drills, then the maintained counts equal counting the rows', () => {
    const counted = () =>
      Object.fromEntries(
        db.prepare<[], { severity: string; n: number }>("SELECT severity, count(*) AS n FROM incidents WHERE status <> 'closed' AND drill = 0 AND type <> 'drill' GROUP BY severity").all().map((r) => [r.severity, r.n]),
      );
    for (let n = 1; n <= 8; n++) declare(n, { severity: n % 2 ? 'sev1' : 'sev2', drill: n === 3, type: n === 4 ? 'drill' : 'security' });
    expect(store.incidents.openCountBySeverity()).toEqual(counted());
    store.incidents.update('INC-2026-0001', { status: 'closed' });
    store.incidents.update('INC-2026-0002', { severity: 'sev1' });
    store.incidents.update('INC-2026-0005', { status: 'closed' });
    store.incidents.update('INC-2026-0005', { status: 'investigating' });
    expect(store.incidents.openCountBySeverity()).toEqual(counted());
    expect(store.incidents.openCountBySeverity()).toEqual({ sev1: 3, sev2: 2 });
    // What is read is the one-row-a-severity table, not the incidents: a count written there is what comes back.
    db.prepare("UPDATE open_incident_counts SET open = 99 WHERE severity = 'sev2' AND drill = 0").run();
    expect(store.incidents.openCountBySeverity().sev2).toBe(99);
  });
});
