import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WardenError } from '../../../../src/platform/errors.js';
import { checkPlaybookFiles, checkPlaybookText, loadPlaybooks } from '../../../../src/features/playbooks/files/load-playbooks.js';
import { formatProblem } from '../../../../src/platform/yaml-validate.js';

// Lines 1-7 are the header; the first step's `- id:` is on line 8, each step below takes 4 lines plus its extras.
const header = 'id: test-pb\nname: Test\ndescription: For tests.\napplies_to:\n  types: [security]\nphases:\n  detection_analysis:\n';
const step = (id: string, extra = '', owner = 'ops') =>
  `    - id: ${id}\n      title: Title ${id}\n      guidance: Do it.\n      owner: ${owner}\n${extra}`;

function problems(text: string): string[] {
  const r = checkPlaybookText(text, 'bad.yaml');
  return r.ok ? [] : r.problems.map(formatProblem);
}

describe('checkPlaybookText', () => {
  it('when the file is valid, then it returns the playbook with steps in phase order and defaults applied', () => {
    const text = `${header}${step('triage', '      due: { after: 30m }\n')}  post_incident:\n${step('review')}`;
    const r = checkPlaybookText(text, 'ok.yaml');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.steps.map((s) => [s.id, s.phase, s.evidence])).toEqual([
      ['triage', 'detection_analysis', 'none'],
      ['review', 'post_incident', 'none'],
    ]);
    expect(r.value.steps[0]?.due).toEqual({ after: '30m', afterMs: 1_800_000, from: { kind: 'declared' } });
    expect(r.value.appliesTo).toEqual({ types: ['security'], severities: [], flags: [] });
  });

  it('when `fallback` is given, then it is read; a value that is not true or false is refused on its line', () => {
    const fallbackHeader = header.replace('phases:', 'fallback: true\nphases:');
    const r = checkPlaybookText(`${fallbackHeader}${step('triage')}`, 'ok.yaml');
    expect(r.ok && r.value.fallback).toBe(true);
    const plain = checkPlaybookText(`${header}${step('triage')}`, 'ok.yaml');
    expect(plain.ok && plain.value.fallback).toBe(false);
    expect(problems(`${header.replace('phases:', 'fallback: maybe\nphases:')}${step('triage')}`)).toEqual(['bad.yaml:6 fallback: expected true or false']);
  });

  it('when a step names an unknown role, then it says so with file, line and the roles expected', () => {
    expect(problems(`${header}${step('triage')}${step('contain', '', 'ciso')}`)).toEqual([
      'bad.yaml:15 phases.detection_analysis[1].owner: unknown role "ciso": expected one of commander, comms, scribe, ops',
    ]);
  });

  it('when a playbook names a severity or an owner role outside the configured vocabulary, then each is refused with the configured ids', () => {
    const vocabulary = { severities: ['p1', 'p2'], roles: ['commander', 'comms', 'legal'] };
    const text = `${header}${step('triage', '      when: { severities: [sev1] }\n', 'legal')}${step('contain', '', 'ops')}`;
    const r = checkPlaybookText(text.replace('  types: [security]\n', '  types: [security]\n  severities: [p1, p3]\n'), 'custom.yaml', vocabulary);
    expect(r.ok ? [] : r.problems.map(formatProblem)).toEqual([
      'custom.yaml:6 applies_to.severities[1]: unknown severity "p3": expected one of p1, p2',
      'custom.yaml:13 phases.detection_analysis[0].when.severities[0]: unknown severity "sev1": expected one of p1, p2',
      'custom.yaml:17 phases.detection_analysis[1].owner: unknown role "ops": expected one of commander, comms, legal',
    ]);
    expect(checkPlaybookText(`${header}${step('triage', '      when: { severities: [p2] }\n', 'legal')}`, 'ok.yaml', vocabulary).ok).toBe(true);
  });

  it('when a due duration is not a duration, then it names the line and the expected form', () => {
    expect(problems(`${header}${step('triage', '      due: { after: soon }\n')}`)).toEqual([
      'bad.yaml:12 phases.detection_analysis[0].due.after: bad duration "soon": expected a duration like 30m, 4h or 2d',
    ]);
  });

  it('when a `when` names an unknown flag, then it lists the flags expected', () => {
    expect(problems(`${header}${step('triage', '      when:\n        flags_all: [gdpr]\n')}`)).toEqual([
      'bad.yaml:13 phases.detection_analysis[0].when.flags_all[0]: unknown flag "gdpr": expected one of ' +
        'personal_data, eu_subjects, customer_impact, ransomware, third_party, phi, financial_entity, public_company',
    ]);
  });

  it('when two steps share an id, then the second is reported with where the first is', () => {
    expect(problems(`${header}${step('triage')}  containment:\n${step('triage')}`)).toEqual([
      'bad.yaml:13 phases.containment[0].id: duplicate step id "triage": already used at phases.detection_analysis[0]',
    ]);
  });

  it('when `from: step:<id>` names no step, then it says which step is unknown', () => {
    expect(problems(`${header}${step('triage', '      due: { after: 1h, from: "step:nope" }\n')}`)).toEqual([
      'bad.yaml:12 phases.detection_analysis[0].due.from: unknown step "nope": expected the id of a step in this playbook',
    ]);
  });

  it('when step anchors form a cycle, then it is reported once with the loop spelled out', () => {
    const text = `${header}${step('a', '      due: { after: 1h, from: "step:b" }\n')}${step('b', '      due: { after: 1h, from: "step:a" }\n')}${step('c', '      due: { after: 1h, from: "step:a" }\n')}`;
    expect(problems(text)).toEqual(['bad.yaml:12 phases.detection_analysis[0].due.from: "step:b" forms a cycle: a -> b -> a']);
  });

  it('when a step is anchored on itself, then that is a cycle', () => {
    expect(problems(`${header}${step('a', '      due: { after: 1h, from: "step:a" }\n')}`)).toEqual([
      'bad.yaml:12 phases.detection_analysis[0].due.from: "step:a" forms a cycle: a -> a',
    ]);
  });

  it('when `from` names an unknown clock event or a bad form, then it lists what is expected', () => {
    const [clock] = problems(`${header}${step('a', '      due: { after: 1h, from: "clock:aware" }\n')}`);
    expect(clock).toMatch(/^bad\.yaml:12 phases\.detection_analysis\[0\]\.due\.from: unknown clock event "aware": expected one of detected, became_aware, /);
    const [form] = problems(`${header}${step('a', '      due: { after: 1h, from: tomorrow }\n')}`);
    expect(form).toMatch(/^bad\.yaml:12 .*due\.from: bad due\.from "tomorrow": expected declared, step:<step id> or clock:<event>/);
  });

  it('when a condition can never hold, then it is reported', () => {
    const when = '      when: { flags_all: [phi], flags_none: [phi] }\n';
    expect(problems(`${header}${step('a', when)}`)).toEqual([
      'bad.yaml:12 phases.detection_analysis[0].when: the step can never show: flag "phi" is in both flags_all and flags_none',
    ]);
  });

  it('when a key is misspelled or a phase is unknown, then the allowed keys are listed', () => {
    expect(problems(`${header}${step('a', '      gudance: typo\n')}`)).toEqual([
      'bad.yaml:8 phases.detection_analysis[0]: unknown step key "gudance": expected id, title, guidance, owner, due, when, evidence',
    ]);
    expect(problems(`${header}${step('a')}  recovery:\n${step('b')}`)[0]).toBe(
      'bad.yaml:7 phases: unknown phase "recovery": expected detection_analysis, containment, eradication_recovery, post_incident',
    );
  });

  it('when the YAML itself is broken, then the parser error carries the file and line', () => {
    // The flow sequence opened on line 8 is found unclosed at the end of the text, line 9.
    const [p] = problems(`${header}    - id: [unclosed\n`);
    expect(p).toMatch(/^bad\.yaml:9 Flow sequence in block collection must be sufficiently indented and end with a \]/);
  });
});

describe('checkPlaybookFiles and loadPlaybooks', () => {
  const dir = mkdtempSync(join(tmpdir(), 'warden-playbooks-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('when two files declare the same playbook id, then the second is reported at its id line', () => {
    writeFileSync(join(dir, 'a.yaml'), `${header}${step('x')}`);
    writeFileSync(join(dir, 'b.yaml'), `# copy\n${header}${step('y')}`);
    const checks = checkPlaybookFiles([join(dir, 'a.yaml'), join(dir, 'b.yaml')]);
    expect(checks[0]?.playbook?.id).toBe('test-pb');
    expect(checks[1]?.problems.map(formatProblem)).toEqual([
      `${join(dir, 'b.yaml')}:2 id: duplicate playbook id "test-pb": already used in ${join(dir, 'a.yaml')}`,
    ]);
  });

  it('when a directory has a broken playbook, then loading refuses with config_invalid listing the problem', () => {
    const sub = mkdtempSync(join(dir, 'broken-'));
    writeFileSync(join(sub, 'one.yml'), `${header}${step('a', '', 'ciso')}`);
    writeFileSync(join(sub, 'notes.txt'), 'not a playbook');
    let error: unknown;
    try {
      loadPlaybooks(sub);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(WardenError);
    expect((error as WardenError).code).toBe('config_invalid');
    expect((error as WardenError).message).toContain(`${join(sub, 'one.yml')}:11 phases.detection_analysis[0].owner: unknown role "ciso"`);
  });

  it('when every file is valid, then loading returns the playbooks sorted by file name', () => {
    const sub = mkdtempSync(join(dir, 'good-'));
    writeFileSync(join(sub, 'b.yaml'), `${header.replace('test-pb', 'second')}${step('a')}`);
    writeFileSync(join(sub, 'a.yaml'), `${header.replace('test-pb', 'first')}${step('a')}`);
    expect(loadPlaybooks(sub).map((p) => p.id)).toEqual(['first', 'second']);
  });
});
