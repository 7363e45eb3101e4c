import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { repoPath } from '../support/repo-path.js';

const run = promisify(execFile);

describe('the package bin', () => {
  it('when `warden --help` runs from a checkout after npm ci (no build), then it prints the commands and exits 0', async () => {
    const bin = (JSON.parse(readFileSync(repoPath('package.json'), 'utf8')) as { bin: { warden: string } }).bin.warden;
    const { stdout } = await run(process.execPath, [repoPath(bin), '--help'], { cwd: repoPath('.') });
    expect(stdout).toMatch(/^usage: warden <command>/);
    expect(stdout).toContain('demo');
  });

  it('when it is given an unknown command, then it says so and exits non-zero', async () => {
    const failed = await run(process.execPath, [repoPath('bin/warden.js'), 'no-such-command']).then(
      () => null,
      (error: { code?: number; stderr?: string; stdout?: string }) => error,
    );
    expect(failed?.code).not.toBe(0);
    expect(`${failed?.stderr ?? ''}${failed?.stdout ?? ''}`).toMatch(/no-such-command|unknown/i);
  });
});
