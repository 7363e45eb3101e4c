import { describe, expect, it } from 'vitest';
import { checkConfigText, parseConfig } from '../../src/config/load-config.js';
import { vocabularyOf } from '../../src/config/index.js';
import { formatProblem } from '../../src/platform/yaml-validate.js';

const problemsOf = (lines: string[]): string[] => checkConfigText(lines.join('\n'), 'warden.yaml').map(formatProblem);
const MIN = 60_000;

describe('severities and roles as a map keyed by id', () => {
  it('when severities are a map, then exactly those exist, in the order written, most severe first', () => {
    const config = parseConfig({
      severities: { p1: { name: 'Critical', description: 'All down.', updateEvery: '15m' }, p2: { description: 'Degraded.', updateEvery: '2h' } },
    });
    expect(Object.keys(config.severities)).toEqual(['p1', 'p2']);
    expect(config.severities.p1).toEqual({ id: 'p1', name: 'Critical', description: 'All down.', updateEvery: 15 * MIN, ignoreQuietHours: false });
    expect(config.severities.p2?.name).toBe('p2');
    expect(config.defaultSeverity).toBe('p2');
  });

  it('when a built-in id leaves out its texts, then it keeps its defaults; defaultSeverity stays sev3 while sev3 exists', () => {
    const config = parseConfig({ severities: { sev1: null, sev3: { updateEvery: '2h' } } });
    expect(Object.keys(config.severities)).toEqual(['sev1', 'sev3']);
    expect(config.severities.sev1?.updateEvery).toBe(30 * MIN);
    expect(config.severities.sev3?.description).toMatch(/^Minor/);
    expect(config.defaultSeverity).toBe('sev3');
  });

  it('when roles are a map, then the extra role exists, the built-in ones listed keep their duty, the others are gone', () => {
    const config = parseConfig({ roles: { commander: null, comms: { name: 'Comms lead' }, legal: { duty: 'Advises.' } } });
    expect(vocabularyOf(config)).toEqual({ severities: ['sev1', 'sev2', 'sev3', 'sev4'], roles: ['commander', 'comms', 'legal'] });
    expect(config.roles.commander?.duty).toMatch(/^Incident commander/);
    expect(config.roles.comms?.name).toBe('Comms lead');
    expect(config.roles.legal).toEqual({ id: 'legal', name: 'legal', duty: 'Advises.' });
  });

  it('when the roles leave out commander or comms, then each missing one is refused with why it is needed', () => {
    expect(problemsOf(['timeZone: UTC', 'roles:', '  legal:', '    duty: Advises.'])).toEqual([
      'warden.yaml:3 roles: missing the required role "commander" (the commander owns the incident, gets the update reminders and may close it)',
      'warden.yaml:3 roles: missing the required role "comms" (the comms lead gets the legal-clock reminders)',
    ]);
  });

  it('when a severity that is not built in has no description or cadence, then both are asked for', () => {
    expect(problemsOf(['severities:', '  p1:', '    name: Critical'])).toEqual([
      'warden.yaml:3 severities.p1.description: expected a description (p1 is not built in, so it has no default)',
      'warden.yaml:3 severities.p1.updateEvery: expected a duration like 30m (p1 is not built in, so it has no default)',
    ]);
    expect(problemsOf(['roles:', '  commander:', '  comms:', '  legal: {}'])).toEqual([
      'warden.yaml:4 roles.legal.duty: expected a one-paragraph duty (legal is not built in, so it has no default)',
    ]);
  });

  it('when an id is not a lowercase slug starting with a letter, then it says what an id looks like', () => {
    expect(problemsOf(['severities:', '  P1: { description: Bad., updateEvery: 1h }', '  "1": { description: Bad., updateEvery: 1h }'])).toEqual([
      'warden.yaml:2 severities.P1: expected an id: a lowercase letter, then lowercase letters, digits, - or _ (at most 24)',
      'warden.yaml:3 severities.1: expected an id: a lowercase letter, then lowercase letters, digits, - or _ (at most 24)',
    ]);
  });

  it('when severities are empty or neither a map nor a list, then it is refused', () => {
    expect(problemsOf(['severities: {}'])).toEqual(['warden.yaml:1 severities: expected at least one severity']);
    expect(problemsOf(['severities: sev1'])).toEqual([
      'warden.yaml:1 severities: expected a map of severities (p1: {description: ..., updateEvery: 30m}) or a list (- name: sev1 ...)',
    ]);
  });

  it('when a map entry has a misspelt key or a bad cadence, then the exact entry is named', () => {
    expect(problemsOf(['severities:', '  p1:', '    description: All down.', '    updateEvry: 10m'])).toEqual([
      'warden.yaml:3 severities.p1.updateEvery: expected a duration like 30m (p1 is not built in, so it has no default)',
      'warden.yaml:4 severities.p1: unknown key "updateEvry"',
    ]);
    expect(problemsOf(['severities:', '  sev1:', '    updateEvery: soon'])).toEqual(['warden.yaml:3 severities.sev1.updateEvery: expected a duration like 30m']);
  });

  it('when defaultSeverity is not a configured severity, then the configured ones are listed', () => {
    expect(problemsOf(['severities:', '  p1: { description: All down., updateEvery: 15m }', 'defaultSeverity: sev3'])).toEqual([
      'warden.yaml:3 defaultSeverity: unknown severity "sev3": expected one of p1',
    ]);
  });
});
