import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runPlaybooksCheck } from '../../src/cli/commands/playbooks-check.js';
import { repoPath } from '../support/repo-path.js';

const SHIPPED = repoPath('playbooks');
const dir = mkdtempSync(join(tmpdir(), 'warden-check-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(argv: string[], defaultDir = SHIPPED) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runPlaybooksCheck(argv, { out: (s) => out.push(s), err: (s) => err.push(s) }, defaultDir);
  return { code, out, err };
}

const valid = 'id: tiny\nname: Tiny\ndescription: d\napplies_to:\n  types: [outage]\nphases:\n  containment:\n' +
  '    - id: a\n      title: A\n      guidance: g\n      owner: ops\n';

describe('warden playbooks check', () => {
  it('when run without paths, then it checks the default directory and prints one ok line per playbook', () => {
    const r = run([]);
    expect(r.code).toBe(0);
    expect(r.err).toEqual([]);
    expect(r.out).toHaveLength(8);
    expect(r.out).toContain(`ok  ${join(SHIPPED, 'ransomware.yaml')}  ransomware  22 steps`);
    expect(r.out).toContain(`ok  ${join(SHIPPED, 'general-security-incident.yaml')}  general-security-incident  14 steps`);
    for (const line of r.out) expect(line).toMatch(/^ok {2}\S+\.yaml {2}[a-z-]+ {2}\d+ steps$/);
  });

  it('when a file has a problem, then it prints file:line path: message and exits 1', () => {
    const file = join(dir, 'broken.yaml');
    writeFileSync(file, valid.replace('owner: ops', 'owner: ciso'));
    const good = join(dir, 'tiny.yaml');
    writeFileSync(good, valid);
    const r = run([file, good]);
    expect(r.code).toBe(1);
    expect(r.err).toEqual([`${file}:11 phases.containment[0].owner: unknown role "ciso": expected one of commander, comms, scribe, ops`]);
    expect(r.out).toEqual([`ok  ${good}  tiny  1 step`]);
  });

  it('when a path does not exist, then it says so and exits 1', () => {
    const r = run([join(dir, 'nope.yaml')]);
    expect(r).toEqual({ code: 1, out: [], err: [`${join(dir, 'nope.yaml')}: no such file or directory`] });
  });

  it('when the directory holds no playbook files, then it exits 1 rather than pass silently', () => {
    const empty = mkdtempSync(join(dir, 'empty-'));
    const r = run([], empty);
    expect(r.code).toBe(1);
    expect(r.err).toEqual([`no playbook files (*.yaml, *.yml) in ${empty}`]);
  });

  it('when given an unknown option, then it prints usage and exits 2', () => {
    const r = run(['--fix']);
    expect(r.code).toBe(2);
    expect(r.err[0]).toMatch(/^unknown option --fix\nusage: warden playbooks check/);
  });
});
