import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultsConfigFile } from '../support/defaults-config.js';
import { runCli } from '../../src/cli/run-cli.js';

const run = promisify(execFile);
let dir: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'warden-lazy-'));
  env = { PATH: process.env.PATH, WARDEN_DB: join(dir, 'w.db'), WARDEN_CONFIG: defaultsConfigFile(dir) };
  expect(await runCli(['migrate'], { out: () => undefined, err: () => undefined }, env)).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What `warden ...argv` loads, run in a fresh Node process (through tsx, as `npm run warden` does). */
async function loadedBy(argv: string[]): Promise<{ code: number; loaded: string[] }> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'test/cli/support/loaded-packages.ts', ...argv], { env, timeout: 60_000 });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as { code: number; loaded: string[] };
}

describe('the CLI loads only what a command needs', () => {
  it('when warden deadlines, config check, audit verify or metrics runs, then Bolt and the logger are never loaded', async () => {
    const commands = [
      ['deadlines', '--regime', 'gdpr', '--event', 'became_aware=2026-03-27T10:00:00Z'],
      ['config', 'check'],
      ['audit', 'verify'],
      ['metrics', '--since', '30d'],
    ];
    const results = await Promise.all(commands.map(loadedBy));
    for (const [i, result] of results.entries()) {
      expect({ command: commands[i]!.join(' '), code: result.code }).toEqual({ command: commands[i]!.join(' '), code: 0 });
      expect(result.loaded, commands[i]!.join(' ')).not.toContain('@slack/bolt');
      expect(result.loaded, commands[i]!.join(' ')).not.toContain('pino');
    }
  }, 120_000);

  it('when warden start runs, then it is the command that loads Bolt (the probe sees it)', async () => {
    // Without credentials start refuses after loading its modules: proof that the probe would see Bolt if it were loaded.
    const result = await loadedBy(['start']);
    expect(result.code).toBe(1);
    expect(result.loaded).toContain('@slack/bolt');
  }, 60_000);
});
