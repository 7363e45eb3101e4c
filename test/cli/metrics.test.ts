import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultsConfigFile } from '../support/defaults-config.js';
import { runMetrics } from '../../src/cli/commands/metrics.js';
import { runCli } from '../../src/cli/run-cli.js';
import { migrate, openDb } from '../../src/platform/db/db.js';
import { ALL_MIGRATIONS } from '../../src/compose-features.js';

const NOW = new Date('2026-12-02T10:00:00Z');
let dir: string;
let env: NodeJS.ProcessEnv;

/** A database with two sev1 incidents (one detected 20 minutes before, resolved after 1 h and 3 h), a drill and an old one. */
function seed(path: string) {
  const db = openDb(path);
  migrate(db, ALL_MIGRATIONS);
  const insert = db.prepare(`INSERT INTO incidents (id, title, type, severity, status, drill, declared_by, declared_at, detected_at, resolved_at)
    VALUES (?, 't', 'security', ?, 'resolved', ?, 'UALICE', ?, ?, ?)`);
  insert.run('INC-1', 'sev1', 0, '2026-11-20T09:00:00.000Z', '2026-11-20T08:40:00.000Z', '2026-11-20T10:00:00.000Z');
  insert.run('INC-2', 'sev1', 0, '2026-11-21T09:00:00.000Z', null, '2026-11-21T12:00:00.000Z');
  insert.run('INC-3', 'sev1', 1, '2026-11-22T09:00:00.000Z', null, '2026-11-22T09:01:00.000Z');
  insert.run('INC-OLD', 'sev2', 0, '2026-01-05T09:00:00.000Z', null, '2026-01-05T10:00:00.000Z');
  db.prepare("INSERT INTO stage_submissions (incident_id, regime_id, stage_id, submitted_at, recorded_by, reference) VALUES ('INC-1', 'gdpr', 'supervisory_authority', '2026-11-21T21:00:00.000Z', 'UBOB', 'ref')").run();
  db.close();
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'warden-cli-metrics-'));
  env = { WARDEN_DB: join(dir, 'w.db'), WARDEN_CONFIG: defaultsConfigFile(dir) };
  seed(join(dir, 'w.db'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runMetrics(argv, { out: (s) => out.push(s), err: (s) => err.push(s) }, env, NOW);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('warden metrics', () => {
  it('when asked for the last 30 days, then it prints a table per severity and per legal stage, drills left out', () => {
    const r = run(['--since', '30d']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toContain('Incidents declared 2026-11-02T10:00:00.000Z to 2026-12-02T10:00:00.000Z: 2 (1 drill left out)');
    expect(r.out).toMatch(/severity\s+incidents\s+mtta n\s+median\s+p90\s+mean\s+mttr n\s+median\s+p90\s+mean\s+unresolved/);
    expect(r.out).toMatch(/sev1\s+2\s+2\s+10m 00s\s+20m 00s\s+10m 00s\s+2\s+2h 00m\s+3h 00m\s+2h 00m\s+0/);
    expect(r.out).toMatch(/sev2\s+0\s+0\s+-/);
    expect(r.out).toMatch(/gdpr\s+supervisory_authority\s+1\s+1d 12h/);
  });

  it('when asked for JSON over a dated period, then it prints seconds and ISO instants', () => {
    const r = run(['--since', '2026-01-01', '--until', '2026-01-31', '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { since: string; until: string; incidents: number; bySeverity: { severity: string; mttr: unknown }[]; legal: unknown[] };
    expect(json).toMatchObject({ since: '2026-01-01T00:00:00.000Z', until: '2026-02-01T00:00:00.000Z', incidents: 1, drillsExcluded: 0, legal: [] });
    expect(json.bySeverity.find((s) => s.severity === 'sev2')?.mttr).toEqual({ count: 1, medianSeconds: 3600, p90Seconds: 3600, meanSeconds: 3600 });
  });

  it('when the severities in warden.yaml changed, then stored ones it no longer names are still shown, marked', () => {
    writeFileSync(join(dir, 'w.yaml'), 'severities:\n  critical: { description: All hands, updateEvery: 30m }\n  minor: { description: One team, updateEvery: 4h }\n');
    env.WARDEN_CONFIG = join(dir, 'w.yaml');
    const r = run(['--since', '30d']);
    expect(r.out).toMatch(/critical\s+0/);
    expect(r.out).toMatch(/sev1 \(not configured\)\s+2/);
  });

  it('when the input is bad, then it names the problem, prints the usage and exits 2', () => {
    expect(run(['--since', 'banana'])).toMatchObject({ code: 2, err: expect.stringContaining('warden metrics: --since "banana": use `30d` (also h, w)') });
    expect(run(['--since', '2026-11-10', '--until', '2026-11-01']).err).toContain('--until (2026-11-02T00:00:00.000Z) must be after --since (2026-11-10T00:00:00.000Z).');
    expect(run([]).err).toContain('--since is required');
    expect(run(['--since', '30d', '--bogus'])).toMatchObject({ code: 2, err: expect.stringContaining("Unknown option '--bogus'") });
    expect(run(['--since', '30d', '--until', 'later']).err).toContain('usage: warden metrics --since');
  });

  it('is dispatched by the warden command, and listed in its help', async () => {
    const err: string[] = [];
    const out: string[] = [];
    expect(await runCli(['metrics', '--since', 'banana'], { out: (s) => out.push(s), err: (s) => err.push(s) }, env)).toBe(2);
    expect(err.join('\n')).toContain('--since "banana"');
    await runCli(['help'], { out: (s) => out.push(s), err: (s) => err.push(s) }, env);
    expect(out.join('\n')).toContain('metrics --since 30d|DATE [--until DATE] [--json]');
  });
});
