import { afterEach, beforeEach } from 'vitest';
import { ALL_MIGRATIONS } from '../../../src/compose-features.js';
import { createStore, type Store } from '../../../src/features/incidents/store/store.js';
import { ManualClock } from '../../../src/platform/clock.js';
import { migrate, openDb, type Db } from '../../../src/platform/db/db.js';

/** A logger that says nothing: the runner's tests read what it did from the store. */
export const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

export interface JobWorld {
  db: Db;
  store: Store;
  clock: ManualClock;
}

/**
 * For each test: a fresh in-memory database with every migration, its store, and a clock fixed at
 * 2026-11-22 09:00 UTC, handed to `set`; the database is closed after the test.
 */
export function eachTestJobWorld(set: (world: JobWorld) => void): void {
  let db: Db | undefined;
  beforeEach(() => {
    db = openDb(':memory:');
    migrate(db, ALL_MIGRATIONS);
    set({ db, store: createStore(db), clock: new ManualClock('2026-11-22T09:00:00Z') });
  });
  afterEach(() => db?.close());
}
