import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';

let dir: string;
let out: string[];
let err: string[];
const io = { out: (s: string) => void out.push(s), err: (s: string) => void err.push(s) };

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'warden-cli-'));
  out = [];
  err = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('warden CLI', () => {
  it('when start has no Slack credentials, then it names what is missing and points to the demo', async () => {
    const code = await runCli(['start'], io, { WARDEN_DB: join(dir, 'w.db') });
    expect(code).toBe(1);
    expect(err.join('\n')).toContain('missing Slack credentials: SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET');
    expect(err.join('\n')).toContain('npm run demo');
  });

  it('when a secret is malformed, then the error names the variable but never prints the value', async () => {
    const code = await runCli(['start'], io, { SLACK_BOT_TOKEN: 'xoxp-fake-9999-8888-wrongkind', SLACK_SIGNING_SECRET: 's3cr3t-value-123' });
    expect(code).toBe(1);
    expect(err.join('\n')).toContain('SLACK_BOT_TOKEN');
    expect(err.join('\n')).not.toContain('wrongkind');
  });

  it('migrates a new database, then says it is up to date', async () => {
    const env = { WARDEN_DB: join(dir, 'w.db') };
    expect(await runCli(['migrate'], io, env)).toBe(0);
    expect(out[0]).toMatch(/^applied 001-core\.sql/);
    expect(await runCli(['migrate'], io, env)).toBe(0);
    expect(out[1]).toContain('is up to date');
  });

  it('verifies an empty, migrated audit chain (the rest is in audit-verify.test.ts)', async () => {
    const env = { WARDEN_DB: join(dir, 'w.db') };
    expect(await runCli(['migrate'], io, env)).toBe(0);
    expect(await runCli(['audit', 'verify'], io, env)).toBe(0);
    expect(out.join('\n')).toContain('audit chain ok: 0 entries');
  });

  it('refuses an unknown command with the usage, exit 2', async () => {
    expect(await runCli(['frobnicate'], io, {})).toBe(2);
    expect(err.join('\n')).toContain('unknown command: frobnicate');
    expect(err.join('\n')).toContain('usage: warden <command>');
  });
});
