import { Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { ALL_MIGRATIONS } from '../../../src/compose-features.js';
import { backupsFeature } from '../../../src/features/backups/index.js';
import { createStore } from '../../../src/features/incidents/index.js';
import { ManualClock } from '../../../src/platform/clock.js';
import { migrate, openDb, type Db } from '../../../src/platform/db/db.js';

const HOURLY = { dir: null, everyMs: 3_600_000, keep: { hourly: 48, daily: 30 } };
let db: Db;
afterEach(() => db.close());

function plugged(options = HOURLY) {
  db = openDb(':memory:');
  migrate(db, ALL_MIGRATIONS);
  return backupsFeature(options).plug({ db, deps: { store: createStore(db), clock: new ManualClock('2026-12-02T10:00:00Z') } });
}

describe('the backups feature', () => {
  it('when WARDEN_DB is :memory:, then no backup is scheduled and /readyz says disabled', () => {
    const parts = plugged();
    expect(parts.jobs).toBeUndefined();
    expect(db.prepare("SELECT count(*) FROM jobs WHERE kind = 'backup.run'").pluck().get()).toBe(0);
    expect(parts.readiness?.lastBackup?.()).toBe('disabled');
  });

  it('when there is no good backup yet, then /metrics says +Inf old and never backed up, not 0 (fresh)', async () => {
    const registry = new Registry();
    plugged().metrics?.(registry);
    const text = await registry.metrics();
    expect(text).toContain('warden_backup_age_seconds +Inf');
    expect(text).toContain('warden_backup_last_success_timestamp_seconds 0');
  });
});
