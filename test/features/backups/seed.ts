import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { ALL_MIGRATIONS } from '../../../src/compose-features.js';
import { createStore, recordChange } from '../../../src/features/incidents/index.js';
import { migrate, openDb, type Db } from '../../../src/platform/db/db.js';

export const T0 = new Date('2026-12-01T08:00:00.000Z');

/** Appends `n` audit entries numbered from `from`, one minute apart from T0 + from minutes. */
export function appendAudit(db: Db, n: number, from = 1): void {
  const store = createStore(db);
  store.transaction(() => {
    for (let i = from; i < from + n; i++) {
      store.audit.append({ at: new Date(T0.getTime() + i * 60_000).toISOString(), actor: 'UALICE', action: 'test.write', incidentId: null, details: { n: i } });
    }
  });
}

/**
 * A migrated Warden database with `entries` audit entries and `incidents` incidents with a few timeline rows each
 * (about 1 KB of text per incident), closed so its WAL is folded in.
 */
export function seedLive(path: string, { entries = 20, incidents = 10 }: { entries?: number; incidents?: number } = {}): void {
  const db = openDb(path);
  migrate(db, ALL_MIGRATIONS);
  appendAudit(db, entries);
  const insert = db.prepare(`INSERT INTO incidents (id, title, type, severity, status, drill, declared_by, declared_at)
    VALUES (?, ?, 'security', 'sev2', 'open', 0, 'UALICE', ?)`);
  const store = createStore(db);
  // Timeline lines as Warden writes them: each with its audit entry carrying its hash.
  db.transaction(() => {
    for (let i = 0; i < incidents; i++) {
      insert.run(`INC-${i}`, `incident ${i} ${'t'.repeat(200)}`, T0.toISOString());
      for (let j = 0; j < 4; j++) recordChange(store, { incidentId: `INC-${i}`, actor: 'UALICE', at: T0, kind: 'note', text: `note ${j} ${'n'.repeat(200)}`, action: 'incident.note_added' });
    }
  })();
  db.close();
}

/** The SHA-256 of a file and of its -wal (if any): "byte for byte unchanged" in one comparable value. */
export function fingerprint(path: string): string {
  const hash = createHash('sha256');
  for (const suffix of ['', '-wal']) if (existsSync(path + suffix)) hash.update(`[${suffix}]`).update(readFileSync(path + suffix));
  return hash.digest('hex');
}
