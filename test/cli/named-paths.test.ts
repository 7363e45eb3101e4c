import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { defaultsConfigFile } from '../support/defaults-config.js';

const dir = mkdtempSync(join(tmpdir(), 'warden-named-paths-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const missingConfig = join(dir, 'typo', 'warden.yaml');
const missingDb = join(dir, 'typo', 'warden.db');

async function run(argv: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; text: string }> {
  const lines: string[] = [];
  const code = await runCli(argv, { out: (s) => void lines.push(s), err: (s) => void lines.push(s) }, env);
  return { code, text: lines.join('\n') };
}

// Every command that reads warden.yaml; `start` needs Slack credentials to get as far as reading it.
const READS_CONFIG: string[][] = [['start'], ['metrics', '--since', '30d'], ['evidence', 'INC-2026-0001'], ['patch', 'import', join(dir, 'report.json'), '--owner', 'UALICE'], ['playbooks', 'check']];
// Every command that reads or adds to an existing database (migrate and start create one; restore may rebuild a lost one).
const READS_DB: string[][] = [['metrics', '--since', '30d'], ['patch', 'import', join(dir, 'report.json'), '--owner', 'UALICE'], ['evidence', 'INC-2026-0001'], ['backup', join(dir, 'b.db')], ['backup', 'list'], ['audit', 'verify'], ['audit', 'export']];

describe('a WARDEN_CONFIG or WARDEN_DB that names nothing', () => {
  it.each(READS_CONFIG)('when WARDEN_CONFIG names no file, then `warden %s` refuses by name and runs nothing on the defaults', async (...argv) => {
    const env = { WARDEN_CONFIG: missingConfig, WARDEN_DB: join(dir, 'never.db'), SLACK_BOT_TOKEN: 'xoxb-named-paths', SLACK_SIGNING_SECRET: 'named-paths' };
    const { code, text } = await run(argv, env);
    expect(code).toBe(1);
    expect(text).toContain(`WARDEN_CONFIG: there is no file at ${missingConfig} (unset it to run on the defaults, or correct the path)`);
    expect(existsSync(join(dir, 'never.db'))).toBe(false);
  });

  it('when WARDEN_CONFIG or PATH names no file, then `warden config check` fails; with neither, a missing ./warden.yaml means the defaults', async () => {
    const named = await run(['config', 'check'], { WARDEN_CONFIG: missingConfig });
    expect(named.code).toBe(1);
    expect(named.text).toContain(`no config file at ${missingConfig}: a path that is named (PATH or WARDEN_CONFIG) must exist`);
    expect((await run(['config', 'check', missingConfig], {})).code).toBe(1);
    const unnamed = await run(['config', 'check', '--help'], {});
    expect(unnamed.code).toBe(0);
  });

  it.each(READS_DB)('when WARDEN_DB names no file, then `warden %s` refuses by name and creates no database', async (...argv) => {
    const { code, text } = await run(argv, { WARDEN_CONFIG: defaultsConfigFile(join(dir, 'config')), WARDEN_DB: missingDb });
    expect(code).toBe(1);
    expect(text).toContain(`there is no database at ${missingDb}`);
    expect(existsSync(missingDb)).toBe(false);
  });
});
