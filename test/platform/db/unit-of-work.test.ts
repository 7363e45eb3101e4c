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
