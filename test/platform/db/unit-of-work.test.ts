import { describe, expect, it } from 'vitest';
import { ALL_MIGRATIONS } from '../../../src/compose-features.js';
import { migrate, openDb } from '../../../src/platform/db/db.js';
import { createStore } from '../../../src/features/incidents/store/store.js';

function aStore() {
  const db = openDb(':memory:');
  migrate(db, ALL_MIGRATIONS);
  const store = createStore(db);
  let wakes = 0;
  store.onJobsCommitted(() => (wakes += 1));
  return { store, wakes: () => wakes };
}

const now = new Date('2026-12-01T10:00:00Z');
const job = (idemKey?: string) => ({ kind: 'test.kind', dueAt: now, payload: {}, ...(idemKey ? { idemKey } : {}) });

describe('waking the job runner after commit', () => {
  it('when a transaction queues jobs and commits, the listeners run once, after the commit', () => {
    const { store, wakes } = aStore();
    store.transaction(() => {
      store.jobs.enqueue(job(), now);
      store.transaction(() => store.jobs.enqueue(job(), now));
      expect(wakes()).toBe(0);
    });
    expect(wakes()).toBe(1);
  });

  it('when a nested transaction throws and the outer one carries on, then only the nested one\'s jobs are rolled back', () => {
    const { store, wakes } = aStore();
    store.transaction(() => {
      store.jobs.enqueue(job('outer'), now);
      expect(() =>
        store.transaction(() => {
          store.jobs.enqueue(job('inner'), now);
          throw new Error('inner refused');
        }),
      ).toThrow('inner refused');
    });
    expect(store.jobs.due(now).map((j) => j.idemKey)).toEqual(['outer']);
    expect(wakes()).toBe(1);
  });

  it('when the transaction rolls back, nothing wakes and nothing stays queued', () => {
    const { store, wakes } = aStore();
    expect(() =>
      store.transaction(() => {
        store.jobs.enqueue(job(), now);
        throw new Error('refused');
      }),
    ).toThrow('refused');
    expect(wakes()).toBe(0);
    expect(store.jobs.pendingCount()).toBe(0);
    store.transaction(() => store.incidents.listOpen());
    expect(wakes()).toBe(0);
  });

  it('when a job is queued outside a transaction it wakes at once; a duplicate key queues nothing and wakes nothing', () => {
    const { store, wakes } = aStore();
    store.jobs.enqueue(job('k'), now);
    expect(wakes()).toBe(1);
    store.jobs.enqueue(job('k'), now);
    expect(wakes()).toBe(1);
  });
});

describe('telling listeners which jobs a transaction queued, before it commits', () => {
  function aListenedStore() {
    const db = openDb(':memory:');
    migrate(db, ALL_MIGRATIONS);
    const store = createStore(db);
    const told: { kinds: string[]; inTransaction: boolean }[] = [];
    store.beforeJobsCommit((queued) => void told.push({ kinds: queued.map((q) => q.kind), inTransaction: db.inTransaction }));
    return { store, told };
  }
  const later = new Date(now.getTime() + 60_000);

  it('when a transaction queues jobs (nested ones too), then the listeners are told of them once, after its work and inside it: what they write commits with it', () => {
    const { store, told } = aListenedStore();
    store.beforeJobsCommit((queued) => {
      for (const q of queued) store.jobs.putOff({ id: q.id, incidentId: null }, later, 'booked', null);
    });
    store.transaction(() => {
      store.jobs.enqueue({ ...job(), kind: 'first' }, now);
      store.transaction(() => store.jobs.enqueue({ ...job(), kind: 'nested' }, now));
      expect(told).toEqual([]);
    });
    expect(told).toEqual([{ kinds: ['first', 'nested'], inTransaction: true }]);
    expect(store.jobs.due(new Date(later.getTime() - 1))).toEqual([]);
    expect(store.jobs.due(later).map((j) => [j.kind, j.lastError])).toEqual([['first', 'booked'], ['nested', 'booked']]);
  });

  it('when the transaction rolls back, then nobody is told, and the next transaction is told only of its own jobs', () => {
    const { store, told } = aListenedStore();
    expect(() =>
      store.transaction(() => {
        store.jobs.enqueue({ ...job(), kind: 'rolled back' }, now);
        throw new Error('refused');
      }),
    ).toThrow('refused');
    expect(told).toEqual([]);
    store.transaction(() => store.jobs.enqueue({ ...job(), kind: 'kept' }, now));
    expect(told).toEqual([{ kinds: ['kept'], inTransaction: true }]);
  });

  it('when a job is queued outside a transaction, then the listeners are told at once; a duplicate key queues nothing and tells nothing', () => {
    const { store, told } = aListenedStore();
    store.jobs.enqueue({ ...job('k'), kind: 'alone' }, now);
    expect(told).toEqual([{ kinds: ['alone'], inTransaction: false }]);
    store.jobs.enqueue({ ...job('k'), kind: 'alone' }, now);
    expect(told).toHaveLength(1);
  });
});
