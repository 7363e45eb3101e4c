import { describe, expect, it } from 'vitest';
import { ALL_MIGRATIONS } from '../../src/compose-features.js';
import { createStore } from '../../src/features/incidents/index.js';
import { migrate, openDb } from '../../src/platform/db/db.js';
import { createEventBus } from '../../src/platform/events.js';

const now = new Date('2026-12-01T10:00:00Z');

function aWorld() {
  const db = openDb(':memory:');
  migrate(db, ALL_MIGRATIONS);
  return { store: createStore(db), bus: createEventBus() };
}

describe('domain events', () => {
  it('when an event is published, then every subscriber to it runs, in order, and others do not', () => {
    const { bus } = aWorld();
    const seen: string[] = [];
    bus.subscribe({ 'incident.declared': (e) => void seen.push(`a:${e.incidentId}`) });
    bus.subscribe({ 'incident.status_changed': () => void seen.push('wrong') });
    bus.subscribe({ 'incident.declared': (e) => void seen.push(`b:${e.incidentId}`) });
    bus.publish('incident.declared', { incidentId: 'INC-2026-0001', by: 'UALICE', flags: [] });
    expect(seen).toEqual(['a:INC-2026-0001', 'b:INC-2026-0001']);
  });

  it('when a subscriber throws inside the publishing transaction, then the whole change rolls back, its jobs included', () => {
    const { store, bus } = aWorld();
    bus.subscribe({ 'incident.declared': () => void store.jobs.enqueue({ kind: 'subscriber.work', dueAt: now }, now) });
    bus.subscribe({
      'incident.declared': () => {
        throw new Error('subscriber refused');
      },
    });
    expect(() =>
      store.transaction(() => {
        store.jobs.enqueue({ kind: 'the.change', dueAt: now }, now);
        bus.publish('incident.declared', { incidentId: 'INC-2026-0001', by: 'UALICE', flags: [] });
      }),
    ).toThrow('subscriber refused');
    expect(store.jobs.pendingCount()).toBe(0);
  });
});
