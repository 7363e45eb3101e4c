import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runConfigCheck } from '../../src/cli/commands/config-check.js';
import { repoPath } from '../support/repo-path.js';

const dir = mkdtempSync(join(tmpdir(), 'warden-config-check-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** Runs the command and collects what it prints. */
function run(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runConfigCheck(argv, { out: (s) => out.push(s), err: (s) => err.push(s) }, env);
  return { code, out, err };
}

/** A playbook file whose first step has `owner` and, on line 15, `when: { severities: [...] }`. */
function playbookDir(name: string, owner: string, severities: string): string {
  const sub = join(dir, name);
  mkdirSync(sub, { recursive: true });
  const text = [
    'id: custom',
    'name: Custom',
    'description: For tests.',
    'applies_to:',
    '  types: [security]',
    'phases:',
    '  detection_analysis:',
    '    - id: triage',
    '      title: Triage',
    '      guidance: Do it.',
    `      owner: ${owner}`,
    '    - id: escalate',
    '      title: Escalate',
    '      guidance: Do it.',
    `      owner: commander`,
    `      when: { severities: [${severities}] }`,
  ].join('\n');
  writeFileSync(join(sub, 'custom.yaml'), text);
  return sub;
}

const CUSTOM_SET = [
  'severities:',
  '  p1: { description: All down., updateEvery: 15m }',
  '  p2: { description: Degraded., updateEvery: 1h }',
  'roles:',
  '  commander:',
  '  comms:',
  '  legal: { duty: Advises. }',
];

describe('warden config check', () => {
  it('when a replaced review template names a variable the draft does not have, then the check names its file and line and exits 1', () => {
    const templates = join(dir, 'templates-bad');
    mkdirSync(join(templates, 'reviews'), { recursive: true });
    writeFileSync(join(templates, 'reviews', 'post-incident-review.md'), '# Review {{incident.id}}\n\nOwner: {{review.ownr}}\n');
    const r = run([file('bad-template.yaml', `templates:\n  dir: ${templates}\n`)]);
    expect(r.code).toBe(1);
    expect(r.err.join('\n')).toMatch(/post-incident-review\.md:3.*review\.ownr/);
  });

  it('when a notice template declares a required element with an unknown variable or a stage the catalog lacks, then the check names the file and both, and exits 1', () => {
    const templates = join(dir, 'templates-notice-bad');
    mkdirSync(join(templates, 'reviews'), { recursive: true });
    copyFileSync(repoPath('templates/reviews/post-incident-review.md'), join(templates, 'reviews', 'post-incident-review.md'));
    const front = ['---', 'citation: 45 CFR 164.404(c)', 'stages: [hipaa:individual]', 'required:', '  - element: (B)', '    label: types of PHI', '    variable: facts.phiTypes', '---'];
    writeFileSync(join(templates, 'hipaa-letter.md'), [...front, 'Types: {{facts.dataTypes}}', ''].join('\n'));
    const r = run([file('bad-notice.yaml', `templates:\n  dir: ${templates}\n`)]);
    expect(r.code).toBe(1);
    expect(r.err).toEqual([
      `${join(templates, 'hipaa-letter.md')}: front matter stages: "hipaa:individual" is not a stage of the regime catalog`,
      `${join(templates, 'hipaa-letter.md')}: required element (B) (types of PHI) names an unknown variable "facts.phiTypes"`,
    ]);
    expect(r.out).not.toContain(`notice templates ok: ${templates}`);
  });

  it('when the file is valid, then it prints config ok with the path and exits 0', () => {
    const path = file('ok.yaml', 'channels:\n  announcements: sec-incidents\n');
    const r = run([path]);
    expect(r).toEqual({
      code: 0,
      out: [
        `config ok: ${path}`,
        'playbooks, regimes and the review template ok: playbooks; regimes; templates',
        "warning: dora, gdpr, nis2 count in the entity's Member State, but company.entities is empty: Europe/Brussels and BE holidays are only a stand-in, and weekend relief (DORA RTS 2025/301 Art 5) is not applied; configure company.entities (see docs/entities.md)",
        'notice templates ok: templates',
        expect.stringMatching(/^env ok \(Slack: not configured/),
      ],
      err: [],
    });
  });

  it('when an entity is configured, then there is no stand-in calendar warning; a bad entity is named with its line', () => {
    const ok = file('entity.yaml', 'company:\n  entities:\n    - name: Acme Pay Oy\n      type: payment_institution\n      country: FI\n      timeZone: Europe/Helsinki\n');
    expect(run([ok]).out.join('\n')).not.toContain('warning:');
    const bad = file('bad-entity.yaml', 'company:\n  entities:\n    - name: Acme\n      type: bank\n      country: Finland\n      timeZone: Europe/Helsinki\n');
    const r = run([bad]);
    expect(r.code).toBe(1);
    expect(r.err).toEqual([
      expect.stringMatching(new RegExp(`^${bad}:4 company\\.entities\\[0\\]\\.type: expected one of credit_institution, payment_institution,`)),
      `${bad}:5 company.entities[0].country: expected an ISO 3166 alpha-2 country code like DE or FI (its public holidays count)`,
    ]);
  });

  it('when the file enables a regime that does not exist, then it names it at its file and line and exits 1', () => {
    const path = file('bad-regime.yaml', 'notifications:\n  regimes:\n    enabled: [gdpr, gdpr-art33]\n');
    const r = run([path]);
    expect(r.code).toBe(1);
    expect(r.err[0]).toMatch(new RegExp(`^${path.replaceAll('/', '\\/')}:3 notifications\\.regimes\\.enabled\\[1\\]: unknown regime "gdpr-art33"; known: au-ndb, `));
    const listed = file('bad-regime-list.yaml', 'notifications:\n  regimes:\n    enabled:\n      - gdpr\n      - nis2\n      - no-such-law\n');
    expect(run([listed]).err[0]).toContain(`${listed}:6 notifications.regimes.enabled[2]: unknown regime "no-such-law"`);
  });

  it('when a named file is absent, then it fails naming it; with no name and no ./warden.yaml, it says defaults are used and exits 0', () => {
    const path = join(dir, 'absent.yaml');
    const named = run([path]);
    expect(named.code).toBe(1);
    expect(named.err[0]).toBe(`no config file at ${path}: a path that is named (PATH or WARDEN_CONFIG) must exist`);
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const unnamed = run([]);
      expect(unnamed.out[0]).toBe('no config file at ./warden.yaml: using defaults');
    } finally {
      process.chdir(cwd);
    }
  });

  it('when no path is given, then it checks WARDEN_CONFIG', () => {
    const path = file('from-env.yaml', 'timeZone: UTC\n');
    expect(run([], { WARDEN_CONFIG: path }).out[0]).toBe(`config ok: ${path}`);
  });

  it('when no path is given and WARDEN_CONFIG is unset, then it checks ./warden.yaml', () => {
    const r = run([], {});
    expect(r.out[0] ?? r.err[0]).toMatch(/\.\/warden\.yaml/);
  });

  it('when the file has problems, then it prints one line per problem with its path and exits 1', () => {
    const path = file('bad.yaml', ['sevrities: []', 'severities:', '  - name: sev1', '    updateEvery: 15m', '  - name: sev2', '    updateEvery: soon'].join('\n'));
    const r = run([path]);
    expect(r.code).toBe(1);
    expect(r.err).toEqual([`${path}:1 unknown key "sevrities"`, `${path}:6 severities[1].updateEvery: expected a duration like 30m`]);
    expect(r.out).not.toContain(`config ok: ${path}`);
  });

  it('when the path is a directory, then it cannot be read and exits 1', () => {
    const sub = join(dir, 'a-dir');
    mkdirSync(sub);
    const r = run([sub]);
    expect(r.code).toBe(1);
    expect(r.err).toEqual([`cannot read config file ${sub} (EISDIR)`]);
  });

  it('when the environment is invalid, then it reports each variable and exits 1 without printing secrets', () => {
    const path = file('env.yaml', '');
    const secret = 'xoxp-fake-5555-6666-notabottoken';
    const r = run([path], { SLACK_BOT_TOKEN: secret, PORT: 'eighty', SLACK_APP_TOKEN: 'xapp-1', SLACK_APP_TOKEN_FILE: '/run/x' });
    expect(r.code).toBe(1);
    expect(r.err).toEqual([
      'env SLACK_APP_TOKEN and SLACK_APP_TOKEN_FILE are both set: set only one',
      'env SLACK_BOT_TOKEN: expected a bot token starting with xoxb-',
      'env PORT: expected a port number from 1 to 65535',
    ]);
    expect([...r.out, ...r.err].join('\n')).not.toContain(secret);
  });

  it('when Slack credentials are set, then it says which mode Warden will use', () => {
    const path = file('slack.yaml', '');
    const r = run([path], { SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_SIGNING_SECRET: 'shh-signing' });
    expect(r.out).toContain('env ok (Slack: http mode)');
  });

  it('when asked for help, then it prints usage; when given extra arguments, it exits 2', () => {
    expect(run(['--help'])).toMatchObject({ code: 0, out: [expect.stringMatching(/^usage: warden config check/)] });
    expect(run(['a.yaml', 'b.yaml']).code).toBe(2);
    expect(run(['--strict']).code).toBe(2);
  });

  it('when a playbook names a severity or a role warden.yaml does not configure, then each is printed as file:line path: message and it exits 1', () => {
    const playbooks = playbookDir('pb-unknown', 'ops', 'sev1, p2');
    const path = file('custom-set.yaml', [...CUSTOM_SET, 'playbooks:', `  dirs: [${playbooks}]`].join('\n'));
    const r = run([path]);
    expect(r.code).toBe(1);
    expect(r.out[0]).toBe(`config ok: ${path}`);
    const printed = r.err.join('\n');
    expect(printed).toContain(`${join(playbooks, 'custom.yaml')}:11 phases.detection_analysis[0].owner: unknown role "ops": expected one of commander, comms, legal`);
    expect(printed).toContain(`${join(playbooks, 'custom.yaml')}:16 phases.detection_analysis[1].when.severities[0]: unknown severity "sev1": expected one of p1, p2`);
  });

  it('when playbooks use only the configured severities and roles, then the catalogs are ok', () => {
    const playbooks = playbookDir('pb-known', 'legal', 'p1');
    const path = file('custom-set-ok.yaml', [...CUSTOM_SET, 'playbooks:', `  dirs: [${playbooks}]`].join('\n'));
    const r = run([path]);
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
  });
});
