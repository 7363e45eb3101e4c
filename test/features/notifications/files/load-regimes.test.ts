import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRegimeCatalog, parseRegimeFile } from '../../../../src/features/notifications/files/load-regimes.js';
import { formatProblem } from '../../../../src/platform/yaml-validate.js';
import { SHIPPED_REGIMES_DIR } from '../domain/deadlines/shipped-regimes.js';

const REQUIRED = ['gdpr', 'uk-gdpr', 'nis2', 'dora', 'sec-8k', 'hipaa', 'nydfs', 'au-ndb', 'sg-pdpa', 'in-certin', 'us-co', 'us-fl', 'us-wa', 'us-tx', 'circia'];

/** A small valid regime file; `stage` replaces the lines of its one stage. */
function regimeText(id = 'acme-internal', stage = ['    anchor: detected', '    offset: PT8H', '    clock: calendar_hours']): string {
  return [
    `id: ${id}`,
    'name: "Acme internal breach policy"',
    'jurisdiction:',
    '  name: Acme',
    '  zone: Europe/Berlin',
    '  holidays: DE-BY',
    'status: in_force',
    'who_notifies: security team',
    'trigger:',
    '  anchor: detected',
    '  description: first alert',
    'stages:',
    '  - id: ciso',
    '    recipient: CISO',
    ...stage,
    'citation: "Acme policy SEC-7"',
    'sources:',
    '  - https://intranet.example.com/sec-7',
    'verification: verified',
    '',
  ].join('\n');
}

function problemsOf(text: string): string[] {
  const r = parseRegimeFile(text, 'acme.yaml');
  if (r.ok) throw new Error('expected problems');
  return r.problems.map(formatProblem);
}

const tmp = mkdtempSync(join(tmpdir(), 'warden-regimes-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function dirWith(name: string, files: Record<string, string>): string {
  const dir = join(tmp, name);
  mkdirSync(dir);
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return dir;
}

describe('the shipped catalog', () => {
  const result = loadRegimeCatalog([SHIPPED_REGIMES_DIR]);

  it('loads every file without a problem and has every required regime', () => {
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
    if (!result.ok) return;
    for (const id of REQUIRED) expect(result.catalog.regimes.has(id), id).toBe(true);
  });

  it('names each file after the regime it holds', () => {
    if (!result.ok) throw new Error('catalog did not load');
    const files = readdirSync(SHIPPED_REGIMES_DIR).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBe(result.catalog.regimes.size);
    for (const [id, file] of result.catalog.files) expect(file.endsWith(`${id}.yaml`)).toBe(true);
  });

  it('keeps a citation, sources and a verification level on every regime', () => {
    if (!result.ok) throw new Error('catalog did not load');
    for (const r of result.catalog.regimes.values()) {
      expect(r.citation.length, r.id).toBeGreaterThan(5);
      expect(r.sources.length, r.id).toBeGreaterThan(0);
      expect(r.referenceId, r.id).not.toBeNull();
    }
  });

  it('enables every in-force regime by default and keeps the proposed CIRCIA disabled', () => {
    if (!result.ok) throw new Error('catalog did not load');
    for (const r of result.catalog.regimes.values()) expect(r.enabledByDefault, r.id).toBe(r.status === 'in_force');
  });
});

describe('broken regime files', () => {
  it('when a clock kind is unknown, then it names the file, the line and the allowed kinds', () => {
    const text = regimeText(undefined, ['    anchor: detected', '    offset: PT8H', '    clock: wall_hours']);
    expect(problemsOf(text)).toEqual([
      'acme.yaml:17 stages[0].clock: expected one of calendar_hours, calendar_days, calendar_months, business_days, none',
    ]);
  });

  it('when a duration is not ISO 8601, then it says what a duration looks like', () => {
    const text = regimeText(undefined, ['    anchor: detected', '    offset: 72h', '    clock: calendar_hours']);
    expect(problemsOf(text)).toEqual(['acme.yaml:16 stages[0].offset: bad duration "72h": expected an ISO 8601 duration like PT72H, P30D or P1M']);
  });

  it('when an anchor is not a clock event, then it lists the clock events and the other anchor forms', () => {
    const text = regimeText(undefined, ['    anchor: breach_discovered', '    offset: PT8H', '    clock: calendar_hours']);
    const [problem] = problemsOf(text);
    expect(problem).toContain('acme.yaml:15 stages[0].anchor: unknown anchor "breach_discovered"');
    expect(problem).toContain('detected, became_aware, discovered');
    expect(problem).toContain('stage:<id>.submitted');
  });

  it('when a duration does not fit its clock kind, then it gives an example that does', () => {
    const text = regimeText(undefined, ['    anchor: detected', '    offset: P3D', '    clock: calendar_hours']);
    expect(problemsOf(text)).toEqual(['acme.yaml:16 stages[0].offset: clock calendar_hours expects a duration like PT72H, got P3D']);
  });

  it('when a stage chains on a stage that is not defined before it, then it names the known stages', () => {
    const text = regimeText(undefined, ['    anchor: stage:regulator.submitted', '    offset: PT8H', '    clock: calendar_hours']);
    expect(problemsOf(text)).toEqual([
      'acme.yaml:15 stages[0].anchor: anchor refers to stage "regulator", which is not an earlier stage of this regime (earlier stages: none)',
    ]);
  });

  it('when the zone or the holiday calendar is unknown, then each is reported on its own line', () => {
    const text = regimeText().replace('Europe/Berlin', 'Europe/Gotham').replace('DE-BY', 'XX');
    expect(problemsOf(text)).toEqual([
      'acme.yaml:5 jurisdiction.zone: unknown time zone "Europe/Gotham": expected an IANA zone like Europe/Brussels',
      'acme.yaml:6 jurisdiction.holidays: unknown holiday calendar "XX": expected a date-holidays code like US, US-CO, SG or DE-BY',
    ]);
  });

  it('when a key is misspelt, then it is refused rather than ignored', () => {
    const text = regimeText(undefined, ['    anchor: detected', '    offset: PT8H', '    clock: calendar_hours', '    not_later_then: {}']);
    expect(problemsOf(text)[0]).toMatch(/^acme\.yaml:\d+ stages\[0\].*not_later_then/);
  });

  it('when clock none is given a period, then it asks for offset: null', () => {
    const text = regimeText(undefined, ['    anchor: detected', '    offset: PT8H', '    clock: none']);
    expect(problemsOf(text)).toEqual(['acme.yaml:16 stages[0].offset: clock none takes offset: null (no fixed period)']);
  });

  it('when a proposed regime is enabled by default, then it is refused', () => {
    const text = regimeText().replace('status: in_force', 'status: proposed\nenabled_by_default: true');
    expect(problemsOf(text)).toEqual(['acme.yaml:8 enabled_by_default: a proposed regime must set enabled_by_default: false']);
  });
});

describe('cut-offs, calendars and weekend exclusions in regime files', () => {
  it('when a cut-off is not HH:MM, then it says how to write one', () => {
    const problems = problemsOf(regimeText(undefined, ['    anchor: detected', '    offset: P4D', '    clock: business_days', '    cutoff: "5:30pm"']));
    expect(problems).toEqual([expect.stringContaining('stages[0].cutoff: expected a cut-off time as HH:MM (24 h, in the regime zone), like 17:30')]);
  });

  it('when a stage without a period has a cut-off, then it is refused', () => {
    const problems = problemsOf(regimeText(undefined, ['    anchor: detected', '    offset: null', '    clock: none', '    cutoff: "17:30"']));
    expect(problems).toEqual([expect.stringContaining('stages[0].cutoff: a cut-off needs a fixed period (offset) to cut')]);
  });

  it('when a cut-off is valid, then the stage carries it', () => {
    const r = parseRegimeFile(regimeText(undefined, ['    anchor: detected', '    offset: P4D', '    clock: business_days', '    cutoff: "17:30"', '    cutoff_note: "EDGAR"']), 'acme.yaml');
    expect(r.ok && r.value.stages[0]?.cutoff).toEqual({ hour: 17, minute: 30, text: '17:30', note: 'EDGAR' });
  });

  it('when the calendar kind is unknown, then it lists the kinds', () => {
    const text = regimeText().replace('  name: Acme\n', '  name: Acme\n  calendar: entity\n');
    expect(problemsOf(text)).toEqual([expect.stringContaining('jurisdiction.calendar: expected one of fixed, member_state, us_federal')]);
  });

  it('when a weekend rule excludes an unknown entity type or stage, then it is named', () => {
    const rule = (types: string, stages: string) =>
      regimeText().replace('citation:', `weekend_rule:\n  kind: next_working_day_noon\n  description: relief\n  verification: partial\n  excluded_entity_types: [${types}]\n  excluded_stages: [${stages}]\ncitation:`);
    expect(problemsOf(rule('bank', 'ciso'))).toEqual([expect.stringContaining('weekend_rule.excluded_entity_types[0]: expected one of credit_institution, payment_institution')]);
    expect(problemsOf(rule('credit_institution', 'initial'))).toEqual([expect.stringContaining('weekend_rule.excluded_stages[0]: unknown stage "initial"; stages: ciso')]);
  });

  it('the shipped DORA rule refuses relief to the Art 5(5) entity types for the first two reports only', () => {
    const r = loadRegimeCatalog([SHIPPED_REGIMES_DIR]);
    const dora = r.ok ? r.catalog.regimes.get('dora') : undefined;
    expect(dora?.weekendRule).toMatchObject({
      excludedEntityTypes: ['credit_institution', 'central_counterparty', 'trading_venue', 'nis2_essential', 'nis2_important'],
      excludedStages: ['initial_notification', 'intermediate_report'],
      exclusionCitation: 'RTS 2025/301 Art 5(5)',
    });
    expect(dora?.jurisdiction.calendar).toBe('member_state');
  });
});

describe('several catalog directories', () => {
  it("when a company directory adds a regime, then it joins the shipped ones", () => {
    const company = dirWith('adds', { 'acme-internal.yaml': regimeText() });
    const r = loadRegimeCatalog([SHIPPED_REGIMES_DIR, company]);
    expect(r.ok && r.catalog.regimes.get('acme-internal')?.jurisdiction.holidays).toBe('DE-BY');
    expect(r.ok && r.catalog.regimes.has('gdpr')).toBe(true);
  });

  it('when a later directory defines a shipped id again, then the later definition replaces it', () => {
    const company = dirWith('overrides', { 'dora.yaml': regimeText('dora') });
    const r = loadRegimeCatalog([SHIPPED_REGIMES_DIR, company]);
    expect(r.ok && r.catalog.regimes.get('dora')?.name).toBe('Acme internal breach policy');
    expect(r.ok && r.catalog.files.get('dora')).toBe(join(company, 'dora.yaml'));
  });

  it('when one directory defines the same id twice, then it reports the second file', () => {
    const dir = dirWith('twice', { 'a.yaml': regimeText(), 'b.yml': regimeText() });
    const r = loadRegimeCatalog([dir]);
    expect(r.ok ? [] : r.problems.map(formatProblem)).toEqual([`${join(dir, 'b.yml')}:1 id: regime id "acme-internal" is already defined in ${join(dir, 'a.yaml')}`]);
  });

  it('when a directory does not exist, then it is reported', () => {
    const r = loadRegimeCatalog([join(tmp, 'missing')]);
    expect(r.ok ? [] : r.problems.map(formatProblem)).toEqual([`${join(tmp, 'missing')} regime directory not found`]);
  });
});
