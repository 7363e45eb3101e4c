import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ALL_MIGRATIONS } from '../../../src/compose-features.js';
import { runCli } from '../../../src/cli/run-cli.js';
import { migrate, openDb } from '../../../src/platform/db/db.js';

const dir = mkdtempSync(join(tmpdir(), 'warden-coverage-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('timeline rows written before they were hashed (migration 013)', () => {
  it('when an older database is migrated, then each earlier row gets one audit entry with its hash, and verify passes', async () => {
    const path = join(dir, 'old.db');
    const db = openDb(path);
    migrate(db, ALL_MIGRATIONS.filter((m) => m.version < 13));
    db.prepare("INSERT INTO incidents (id, title, type, severity, status, declared_by, declared_at) VALUES ('INC-2026-0001', 't', 'security', 'sev1', 'investigating', 'UALICE', '2026-11-22T09:00:00.000Z')").run();
    for (const text of ['declared', 'note with "quotes" and é']) {
      db.prepare("INSERT INTO timeline (incident_id, at, kind, actor, text) VALUES ('INC-2026-0001', '2026-11-22T09:00:00.000Z', 'note', 'UALICE', ?)").run(text);
    }
    expect(migrate(db, ALL_MIGRATIONS.filter((m) => m.version <= 13))).toEqual(['013-timeline-guard.sql']);
    const covered = db.prepare<[], { action: string; details: string }>("SELECT action, details FROM audit_log WHERE action = 'timeline.covered' ORDER BY seq").all();
    expect(covered.map((c) => (JSON.parse(c.details) as { timelineEntry: { id: number } }).timelineEntry.id)).toEqual([1, 2]);
    expect(() => db.prepare("UPDATE timeline SET text = 'x' WHERE id = 1").run()).toThrow('timeline is append-only');
    db.close();
    const err: string[] = [];
    expect(await runCli(['audit', 'verify'], { out: () => undefined, err: (s) => void err.push(s) }, { WARDEN_DB: path })).toBe(0);
    expect(err.join('\n')).not.toContain('FAILED');
  });
});
