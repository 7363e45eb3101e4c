import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { WardenConfigInput } from '../../src/config/index.js';
import { startFullHarness } from '../support/full-harness.js';
import type { Harness } from '../support/warden-harness.js';

// The harness starts at 2026-11-22T09:00:00Z: the first scheduled backup's slot is the current hour.
const HOUR = 3_600_000;
const MINUTE = 60_000;

let h: Harness;
afterEach(async () => {
  await h.stop();
});

async function start(config: WardenConfigInput = {}) {
  h = await startFullHarness({ backups: {}, ...config });
  await h.settle();
}

const backupDir = () => join(dirname(h.db.name), 'backups');
const scheduled = () => h.db.prepare("SELECT taken_at, status, path FROM backups WHERE kind = 'scheduled' ORDER BY taken_at").all() as { taken_at: string; status: string; path: string }[];
const files = () => (existsSync(backupDir()) ? readdirSync(backupDir()).sort() : []);

describe('scheduled backups', () => {
  it('when Warden starts and restarts, then one backup runs per hourly slot, never two', async () => {
    await start();
    expect(files()).toEqual(['warden-20261122T090000Z.db', 'warden-20261122T090000Z.db.sha256']);
    await h.restart();
    await h.settle();
    await h.advance(30 * MINUTE);
    expect(scheduled()).toHaveLength(1);
    await h.advance(30 * MINUTE);
    await h.restart();
    await h.settle();
    expect(scheduled().map((b) => [b.taken_at, b.status])).toEqual([
      ['2026-11-22T09:00:00.000Z', 'ok'],
      ['2026-11-22T10:00:00.000Z', 'ok'],
    ]);
    const pending = h.db.prepare("SELECT due_at FROM jobs WHERE kind = 'backup.run' AND status = 'pending'").pluck().all();
    expect(pending).toEqual(['2026-11-22T11:00:00.000Z']);
  });

  it('when retention keeps 2 hourly and 1 daily, then the third backup prunes the first: its file, its sidecar and its row', async () => {
    await start({ backups: { keep: { hourly: 2, daily: 1 } } });
    await h.advance(HOUR);
    await h.advance(HOUR);
    expect(files()).toEqual(['warden-20261122T100000Z.db', 'warden-20261122T100000Z.db.sha256', 'warden-20261122T110000Z.db', 'warden-20261122T110000Z.db.sha256']);
    expect(scheduled().map((b) => b.status)).toEqual(['pruned', 'ok', 'ok']);
    const pruned = h.db.prepare("SELECT details FROM audit_log WHERE action = 'backup.pruned'").pluck().all() as string[];
    expect(pruned.map((d) => (JSON.parse(d) as { paths: string[] }).paths)).toEqual([[join(backupDir(), 'warden-20261122T090000Z.db')]]);
  });

  it('when backups are off, then none runs and /readyz says disabled', async () => {
    await start({ backups: { every: 'off' } });
    await h.advance(3 * HOUR);
    expect(files()).toEqual([]);
    const ready = (await (await fetch(`${h.url}/readyz`)).json()) as { checks: Record<string, unknown> };
    expect(ready.checks.lastBackup).toBe('disabled');
  });
});

describe('the age of the last good backup', () => {
  it('when 20 minutes have passed since the backup, then /readyz and /metrics say so', async () => {
    await start();
    h.clock.advance(20 * MINUTE);
    const ready = await fetch(`${h.url}/readyz`);
    expect(ready.status).toBe(200);
    const body = (await ready.json()) as { checks: { lastBackup: { at: string; ageSeconds: number; sha256: string; overdue: boolean } } };
    expect(body.checks.lastBackup).toMatchObject({ at: '2026-11-22T09:00:00.000Z', ageSeconds: 1200, overdue: false });
    expect(body.checks.lastBackup.sha256).toMatch(/^[0-9a-f]{64}$/);
    const metrics = await (await fetch(`${h.url}/metrics`)).text();
    expect(metrics).toContain('warden_backup_age_seconds 1200');
    expect(metrics).toContain(`warden_backup_last_success_timestamp_seconds ${Date.parse('2026-11-22T09:00:00.000Z') / 1000}`);
  });

  it('when backups keep failing for three hours, then the managers\' digest warns and /readyz says overdue', async () => {
    await start({ digests: [{ channel: 'security-managers', schedule: '0 12 * * *', timeZone: 'UTC', sections: ['backups'] }] });
    // The directory becomes a file: every later backup fails (and is recorded as failed).
    rmSync(backupDir(), { recursive: true, force: true });
    writeFileSync(backupDir(), 'not a directory');
    for (let i = 0; i < 3; i++) await h.advance(HOUR);
    const digests = h.slack.calls('chat.postMessage').filter((c) => String(c.args.text).startsWith("Managers' digest"));
    expect(digests).toHaveLength(1);
    expect(JSON.stringify(digests[0]?.args.blocks)).toContain(':warning: *last good backup 3h 00m ago* (expected every 1h)');
    const failed = h.db.prepare("SELECT count(*) FROM backups WHERE status = 'failed'").pluck().get() as number;
    expect(failed).toBeGreaterThan(0);
    const ready = (await (await fetch(`${h.url}/readyz`)).json()) as { checks: { lastBackup: { overdue: boolean } } };
    expect(ready.checks.lastBackup.overdue).toBe(true);
    rmSync(backupDir(), { force: true });
  });
});
