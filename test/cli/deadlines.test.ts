import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runDeadlines } from '../../src/cli/commands/deadlines.js';
import { SHIPPED_REGIMES_DIR } from '../features/notifications/domain/deadlines/shipped-regimes.js';

const NOW = new Date('2025-03-29T10:00:00Z');

async function run(argv: string[], dirs = [SHIPPED_REGIMES_DIR], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runDeadlines(argv, { out: (s) => out.push(s), err: (s) => err.push(s) }, dirs, NOW, env);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const tmp = mkdtempSync(join(tmpdir(), 'warden-cli-deadlines-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('warden deadlines: text', () => {
  it('prints every stage with its due instant in UTC and in the jurisdiction\'s local time', async () => {
    const r = await run(['--regime', 'gdpr', '--event', 'became_aware=2025-03-28T10:00:00Z']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toContain('GDPR personal data breach notification (Arts 33-34) [gdpr]');
    expect(r.out).toContain('supervisory_authority -> competent/lead supervisory authority (Art 55/56)\n  due    2025-03-31T10:00:00Z  (2025-03-31 12:00 +02:00 Europe/Brussels)');
    expect(r.out).toContain('  rule   PT72H calendar_hours from became_aware; legal; verification verified; where feasible');
    expect(r.out).toContain('  status open, 2d left');
    expect(r.out).toContain('processor_to_controller -> controller\n  due    2025-03-29T10:00:00Z  (2025-03-29 11:00 +01:00 Europe/Brussels)  INTERNAL target, not law');
    expect(r.out).toContain('data_subjects -> affected data subjects\n  due    no fixed period');
  });

  it('marks a proposed regime as not law yet', async () => {
    const r = await run(['--regime', 'circia', '--event', 'determined=2025-03-28T10:00:00Z']);
    expect(r.out).toContain('PROPOSED rule, not law yet');
  });
});

describe('warden deadlines --json', () => {
  it('prints an array with regime, stage, recipient, due in UTC (or null), due kind, clock, verification and citation', async () => {
    const r = await run(['--regime', 'sec-8k', '--event', 'materiality_determined=2024-11-27T10:00:00-05:00', '--json']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.out) as Record<string, unknown>[];
    expect(list).toHaveLength(2);
    expect(list[0]).toMatchObject({
      regime: 'sec-8k',
      stage: 'form_8k_item_1_05',
      recipient: 'SEC (EDGAR, public)',
      due: '2024-12-04T22:30:00.000Z',
      dueLocal: '2024-12-04 17:30 -05:00 America/New_York',
      dueKind: 'legal',
      clock: 'business_days',
      verification: 'verified_secondary',
      citation: expect.stringContaining('Item 1.05'),
      status: 'overdue',
    });
  });

  it('gives null for stages without a fixed period and chains stages on --submitted', async () => {
    const r = await run([
      '--regime', 'nis2', '--json',
      '--event', 'became_aware=2025-03-27T08:00:00Z',
      '--submitted', 'incident_notification=2025-01-31T09:00:00+01:00',
    ]);
    const byStage = Object.fromEntries((JSON.parse(r.out) as { stage: string; due: string | null; status: string }[]).map((s) => [s.stage, s]));
    expect(byStage.service_recipients?.due).toBeNull();
    expect(byStage.incident_notification?.status).toBe('submitted');
    expect(byStage.final_report?.due).toBe('2025-02-28T22:59:59.999Z');
  });
});

describe('warden deadlines: bad input exits 2 with one line naming the problem and the allowed values', () => {
  it('when the regime is unknown', async () => {
    const r = await run(['--regime', 'gdrp', '--event', 'became_aware=2025-03-28T10:00:00Z']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^warden deadlines: unknown regime "gdrp"; one of: au-ndb, .*gdpr, .*us-wa$/);
  });

  it('when the regime is missing', async () => {
    expect(await run(['--event', 'became_aware=2025-03-28T10:00:00Z'])).toMatchObject({ code: 2, err: expect.stringContaining('missing --regime; one of: au-ndb') });
  });

  it('when the event is unknown', async () => {
    const r = await run(['--regime', 'gdpr', '--event', 'breach_discovered=2025-03-28T10:00:00Z']);
    expect(r).toMatchObject({ code: 2, err: `warden deadlines: unknown event "breach_discovered"; one of: detected, became_aware, discovered, determined, materiality_determined, classified_major, ransom_paid, noticed, suspected, assessed_notifiable, information_available, authority_request, new_information, ransom_payment_known` });
  });

  it('when the time cannot be parsed or has no zone', async () => {
    for (const time of ['yesterday', '2025-03-28T10:00:00', '2025-02-30T10:00:00Z']) {
      const r = await run(['--regime', 'gdpr', '--event', `became_aware=${time}`]);
      expect(r.code, time).toBe(2);
      expect(r.err, time).toContain(`unparseable time "${time}" for became_aware: expected ISO 8601 with a zone`);
    }
  });

  it('when the event is not written EVENT=TIME', async () => {
    expect(await run(['--regime', 'gdpr', '--event', 'became_aware'])).toMatchObject({ code: 2, err: expect.stringContaining('--event expects EVENT=<ISO time>, got "became_aware"') });
  });

  it('when a submitted stage is not a stage of the regime', async () => {
    const r = await run(['--regime', 'dora', '--submitted', 'initial=2025-03-28T10:00:00Z']);
    expect(r).toMatchObject({ code: 2, err: 'warden deadlines: unknown stage "initial" of regime dora; one of: initial_notification, intermediate_report, final_report, clients' });
  });

  it('when an option is unknown, then it also prints the usage', async () => {
    const r = await run(['--regime', 'gdpr', '--evnet', 'x']);
    expect(r.code).toBe(2);
    expect(r.err).toContain("Unknown option '--evnet'");
    expect(r.err).toContain('usage: warden deadlines');
  });
});

describe('warden deadlines: other outcomes', () => {
  it('when asked for help, then it prints the usage and exits 0', async () => {
    expect(await run(['--help'])).toMatchObject({ code: 0, out: expect.stringContaining('usage: warden deadlines --regime') });
  });

  it('when the catalog is broken, then it prints file:line problems and exits 1', async () => {
    writeFileSync(join(tmp, 'bad.yaml'), 'id: bad\nname: x\n');
    const r = await run(['--regime', 'gdpr'], [SHIPPED_REGIMES_DIR, tmp]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${join(tmp, 'bad.yaml')}:1 jurisdiction:`);
  });
});
