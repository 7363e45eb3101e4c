import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runDeadlines } from '../../src/cli/commands/deadlines.js';
import { SHIPPED_REGIMES_DIR } from '../features/notifications/domain/deadlines/shipped-regimes.js';

const NOW = new Date('2025-03-01T00:00:00Z');
const tmp = mkdtempSync(join(tmpdir(), 'warden-cli-entities-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function run(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runDeadlines(argv, { out: (s) => out.push(s), err: (s) => err.push(s) }, [SHIPPED_REGIMES_DIR], NOW, env);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

interface Row {
  stage: string;
  due: string | null;
  dueLocal: string | null;
  waitingFor: string | null;
  rule: { cutoff: string | null; relief: string; reliefReason: string | null; eventDateZone: string | null };
  warnings: string[];
  basis: string[];
  condition: string | null;
}

async function json(argv: string[], env: NodeJS.ProcessEnv = {}): Promise<Record<string, Row>> {
  const r = await run([...argv, '--json'], env);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return Object.fromEntries((JSON.parse(r.out) as Row[]).map((s) => [s.stage, s]));
}

const entity = (type: string, country: string, tz: string) => ['--entity-type', type, '--country', country, '--tz', tz];
const doraAt = (iso: string) => ['--regime', 'dora', '--event', `classified_major=${iso}`, '--event', `became_aware=${iso}`];

describe('warden deadlines --json: filing cut-off', () => {
  it('when the 4th business day is the day before Independence Day, then the 8-K is due at 17:30 ET that day, not at midnight', async () => {
    const s = (await json(['--regime', 'sec-8k', '--event', 'materiality_determined=2025-06-27T10:00:00-04:00'])).form_8k_item_1_05!;
    expect(s.due).toBe('2025-07-03T21:30:00.000Z');
    expect(s.dueLocal).toBe('2025-07-03 17:30 -04:00 America/New_York');
    expect(s.rule.cutoff).toBe('17:30 America/New_York');
    expect(s.basis.join('\n')).toContain('17 CFR 232.13(a)(2)');
  });
});

describe('warden deadlines --json: DORA weekend relief by entity', () => {
  it('when the initial notification falls on a Saturday, then a credit institution gets no relief and a payment institution has until Monday noon', async () => {
    const credit = (await json([...doraAt('2025-03-08T08:00:00Z'), ...entity('credit_institution', 'BE', 'Europe/Brussels')])).initial_notification!;
    expect(credit.due).toBe('2025-03-08T12:00:00.000Z');
    expect(credit.rule).toMatchObject({ relief: 'refused', reliefReason: expect.stringContaining('credit_institution entities get no relief for initial_notification (RTS 2025/301 Art 5(5))') });
    const payments = (await json([...doraAt('2025-03-08T08:00:00Z'), ...entity('payment_institution', 'BE', 'Europe/Brussels')])).initial_notification!;
    expect(payments.due).toBe('2025-03-10T11:00:00.000Z');
    expect(payments.rule.relief).toBe('applied');
  });

  it('when the competent authority excluded the entity, then it gets no relief either (Art 5(6))', async () => {
    const s = (await json([...doraAt('2025-03-08T08:00:00Z'), ...entity('payment_institution', 'BE', 'Europe/Brussels'), '--dora-relief-excluded'])).initial_notification!;
    expect(s.due).toBe('2025-03-08T12:00:00.000Z');
    expect(s.rule.reliefReason).toContain('Art 5(6)');
  });

  it('when a credit institution\'s final report falls on a weekend, then it is relieved: Art 5(5) covers only the first two reports', async () => {
    const s = (await json(['--regime', 'dora', '--submitted', 'intermediate_report=2025-02-08T10:00:00Z', ...entity('credit_institution', 'DE', 'Europe/Berlin')])).final_report!;
    expect(s.due).toBe('2025-03-10T11:00:00.000Z'); // 8 Mar 2025 is a Saturday: Monday 12:00 Berlin
    expect(s.rule.relief).toBe('applied');
  });

  it('when the intermediate report falls on Belgian National Day, then a Belgian entity is relieved and a German one is not', async () => {
    const argv = ['--regime', 'dora', '--submitted', 'initial_notification=2025-07-18T09:00:00Z'];
    const be = (await json([...argv, ...entity('payment_institution', 'BE', 'Europe/Brussels')])).intermediate_report!;
    const de = (await json([...argv, ...entity('payment_institution', 'DE', 'Europe/Berlin')])).intermediate_report!;
    expect(be.due).toBe('2025-07-22T10:00:00.000Z');
    expect(de.due).toBe('2025-07-21T09:00:00.000Z');
    expect(de.rule).toMatchObject({ relief: 'not_needed', reliefReason: 'due on a working day in DE' });
  });

  it('when the due instant is late on a Sunday in Brussels, then for a Finnish entity it is already Monday: no relief', async () => {
    const fi = (await json([...doraAt('2025-03-09T18:30:00Z'), ...entity('payment_institution', 'FI', 'Europe/Helsinki')])).initial_notification!;
    expect(fi.due).toBe('2025-03-09T22:30:00.000Z');
    expect(fi.dueLocal).toBe('2025-03-10 00:30 +02:00 Europe/Helsinki');
    expect(fi.rule.relief).toBe('not_needed');
    const be = (await json([...doraAt('2025-03-09T18:30:00Z'), ...entity('payment_institution', 'BE', 'Europe/Brussels')])).initial_notification!;
    expect(be.due).toBe('2025-03-10T11:00:00.000Z');
  });

  it('when no entity is given, then there is no relief and the warnings say why and that Brussels is a stand-in', async () => {
    const s = (await json(doraAt('2025-03-08T08:00:00Z'))).initial_notification!;
    expect(s.due).toBe('2025-03-08T12:00:00.000Z');
    expect(s.rule).toMatchObject({ relief: 'refused', reliefReason: expect.stringContaining('no entity given') });
    expect(s.warnings).toEqual([
      expect.stringContaining('no entity given: weekend and holiday relief is not applied'),
      'no Member State given: dora uses Europe/Brussels and BE public holidays as a stand-in; configure company.entities with the entity\'s country and zone',
    ]);
  });

  it('when only classified_major is recorded, then a warning says awareness is missing and the 24h backstop is unknown', async () => {
    const s = (await json(['--regime', 'dora', '--event', 'classified_major=2025-03-04T09:00:00Z', ...entity('payment_institution', 'BE', 'Europe/Brussels')])).initial_notification!;
    expect(s.warnings).toEqual([expect.stringContaining('became_aware is not recorded: the PT24H backstop from became_aware is unknown')]);
  });
});

describe('warden deadlines --json: US federal day counts read the event\'s date where it is earliest', () => {
  it('when a HIPAA discovery is late in the evening Pacific, then the Pacific date counts (earlier than New York\'s)', async () => {
    const argv = ['--regime', 'hipaa', '--event', 'discovered=2025-03-10T22:30:00-07:00'];
    const la = (await json([...argv, ...entity('other', 'US', 'America/Los_Angeles')])).individuals!;
    expect(la.due).toBe('2025-05-10T06:59:59.999Z'); // end of 9 May Pacific: 60 days after 10 March
    expect(la.rule.eventDateZone).toBe('America/Los_Angeles');
    expect(la.basis.join('\n')).toContain('earlier than the reading in America/New_York');
    const ny = (await json(argv)).individuals!;
    expect(ny.due).toBe('2025-05-11T03:59:59.999Z'); // 11 March in New York: end of 10 May Eastern
    expect(ny.rule.eventDateZone).toBe('America/New_York');
  });

  it('when the entity is east of New York, then New York\'s earlier date counts', async () => {
    const s = (await json(['--regime', 'hipaa', '--event', 'discovered=2025-03-10T23:00:00-04:00', ...entity('other', 'DE', 'Europe/Berlin')])).individuals!;
    expect(s.rule.eventDateZone).toBe('America/New_York');
    expect(s.due).toBe('2025-05-10T03:59:59.999Z');
  });
});

describe('warden deadlines --json: the new stages', () => {
  it.each([
    ['sec-8k', 'information_available=2025-06-27T14:00:00Z', 'form_8k_a', '2025-07-03T21:30:00.000Z'],
    ['nis2', 'became_aware=2025-03-04T09:00:00Z', 'trust_service_notification', '2025-03-05T09:00:00.000Z'],
    ['au-ransomware', 'ransom_payment_known=2025-06-02T01:00:00Z', 'payment_on_behalf_report', '2025-06-05T01:00:00.000Z'],
    ['uk-gdpr', 'became_aware=2025-03-04T09:00:00Z', 'processor_to_controller', '2025-03-05T09:00:00.000Z'],
    ['us-tx', 'discovered=2025-03-04T09:00:00Z', 'custodian_to_owner', '2025-03-05T09:00:00.000Z'],
    ['sg-pdpa', 'suspected=2025-03-04T09:00:00Z', 'intermediary_to_organisation', '2025-03-05T09:00:00.000Z'],
  ])('%s: %s starts %s, due %s', async (regime, event, stage, due) => {
    const s = (await json(['--regime', regime, '--event', event]))[stage]!;
    expect(s).toMatchObject({ due, waitingFor: null });
  });

  it.each([
    ['dora', 'clients', 'classified_major'],
    ['nis2', 'intermediate_report', 'authority_request'],
    ['circia', 'supplemental_reports', 'new_information'],
    ['sec-8k', 'form_8k_a', 'information_available'],
  ])('%s %s waits for its own event, %s', async (regime, stage, event) => {
    const s = (await json(['--regime', regime]))[stage]!;
    expect(s.waitingFor).toBe(event);
  });
});

describe('warden deadlines: text', () => {
  it('when no entity is given, then the warnings every stage shares are printed once under the header, the others under their stage', async () => {
    const r = await run(['--regime', 'dora', '--event', 'classified_major=2025-03-08T08:00:00Z']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('entity: none given\nWARN no entity given: weekend and holiday relief is not applied');
    expect(r.out.match(/no Member State given/g)).toHaveLength(1);
    expect(r.out).toContain('  note   2025-03-08T12:00:00.000Z is not a working day in BE (Europe/Brussels); no relief: no entity given');
    expect(r.out).toContain('  WARN   became_aware is not recorded');
  });

  it('when an entity is given, then its name heads the output', async () => {
    const r = await run([...doraAt('2025-03-08T08:00:00Z'), ...entity('payment_institution', 'FI', 'Europe/Helsinki')]);
    expect(r.out).toContain('entity: payment_institution in FI');
    expect(r.out).not.toContain('WARN');
  });
});

describe('warden deadlines: --entity from the configuration', () => {
  const config = join(tmp, 'warden.yaml');
  writeFileSync(config, 'company:\n  entities:\n    - name: Acme Bank AG\n      type: credit_institution\n      country: DE\n      timeZone: Europe/Berlin\n    - name: Acme Pay Oy\n      type: payment_institution\n      country: FI\n      timeZone: Europe/Helsinki\n');

  it('when the entity is configured, then its type, Member State and zone are used', async () => {
    const s = (await json([...doraAt('2025-03-08T08:00:00Z'), '--entity', 'Acme Pay Oy'], { WARDEN_CONFIG: config })).initial_notification!;
    expect(s.due).toBe('2025-03-10T10:00:00.000Z'); // Monday 12:00 Helsinki
    expect(s.warnings).toEqual([]);
  });

  it('when the name is unknown, then it lists the configured names', async () => {
    expect(await run([...doraAt('2025-03-08T08:00:00Z'), '--entity', 'Acme'], { WARDEN_CONFIG: config })).toMatchObject({
      code: 2,
      err: 'warden deadlines: unknown entity "Acme"; configured entities: Acme Bank AG, Acme Pay Oy',
    });
  });

  it('when the configured entity is invalid, then the problem is named with its file and line', async () => {
    const bad = join(tmp, 'bad.yaml');
    writeFileSync(bad, 'company:\n  entities:\n    - name: Acme\n      type: payment_institution\n      country: FI\n      timeZone: Europe/Espoo\n');
    const r = await run([...doraAt('2025-03-08T08:00:00Z'), '--entity', 'Acme'], { WARDEN_CONFIG: bad });
    expect(r).toMatchObject({ code: 2, err: `warden deadlines: --entity Acme: the configuration is invalid:\n${bad}:6 company.entities[0].timeZone: expected an IANA time zone like Europe/Paris or UTC` });
  });

  it('when there is no configuration file, then it says so and how to give an entity instead', async () => {
    const r = await run([...doraAt('2025-03-08T08:00:00Z'), '--entity', 'Acme'], { WARDEN_CONFIG: join(tmp, 'missing.yaml') });
    expect(r).toMatchObject({ code: 2, err: expect.stringContaining('no configuration file at') });
    expect(r.err).toContain('--entity-type, --country and --tz');
  });
});

describe('warden deadlines: bad entity flags exit 2 naming the problem', () => {
  it.each([
    [entity('bank', 'DE', 'Europe/Berlin'), 'unknown entity type "bank"; one of: credit_institution, payment_institution,'],
    [entity('credit_institution', 'XX', 'Europe/Berlin'), 'unknown country "XX": expected an ISO 3166 alpha-2 code'],
    [entity('credit_institution', 'DE', 'Europe/Bonn'), 'unknown time zone "Europe/Bonn"'],
    [['--entity-type', 'credit_institution'], 'an ad hoc entity needs --entity-type, --country and --tz; missing --country, --tz'],
    [['--entity', 'X', '--country', 'DE'], 'do not combine it with --country'],
  ])('%j', async (flags, message) => {
    const r = await run([...doraAt('2025-03-08T08:00:00Z'), ...flags]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
  });
});
