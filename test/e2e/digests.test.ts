import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/cli/package-root.js';
import { wardenFeatures } from '../../src/compose-features.js';
import { loadClockCatalog, parseConfig } from '../../src/config/index.js';
import { digestsFeature } from '../../src/features/digests/index.js';
import type { ControlDigest } from '../../src/features/access-reviews/index.js';
import type { PatchDigest } from '../../src/features/patches/index.js';
import { startFullHarness } from '../support/full-harness.js';
import { replyText, startHarness, type Harness } from '../support/warden-harness.js';

// Thursday 22 Oct 2026, before both autumn changes: Paris leaves summer time on Sun 25 Oct, New York on Sun 1 Nov.
const START = '2026-10-22T12:00:00.000Z';
const US = 'eng-managers-us';
const DIGESTS = [
  { channel: 'security-managers', schedule: '0 9 * * 1-5', timeZone: 'Europe/Paris' },
  { channel: US, schedule: '0 9 * * 1-5', timeZone: 'America/New_York' },
];
const CONFIG = { digests: DIGESTS, timeZone: 'Europe/Paris', permissions: { admins: ['UADMIN01'], roles: { manager: { users: ['UMANAG01'] } } } };

// 09:00 on each weekday, local: 07:00Z in Paris summer time, 08:00Z after; 13:00Z in New York summer time, 14:00Z after.
const PARIS = ['2026-10-23T07:00', '2026-10-26T08:00', '2026-10-27T08:00', '2026-10-28T08:00', '2026-10-29T08:00', '2026-10-30T08:00', '2026-11-02T08:00'];
const NEW_YORK = ['2026-10-22T13:00', '2026-10-23T13:00', '2026-10-26T13:00', '2026-10-27T13:00', '2026-10-28T13:00', '2026-10-29T13:00', '2026-10-30T13:00', '2026-11-02T14:00'];
const utc = (local: string) => `${local}:00.000Z`;

let h: Harness;
afterEach(async () => {
  await h.stop();
});

async function start(config = {}) {
  h = await startFullHarness({ ...CONFIG, ...config }, { start: START });
  h.slack.addChannel(US, { botJoined: true });
}

const digestsIn = (channel: string) => h.slack.calls('chat.postMessage').filter((c) => c.ok && c.args.channel === channel && String(c.args.text).startsWith("Managers' digest"));
const postedAt = (channel: string) => digestsIn(channel).map((c) => c.at);
const textOf = (call: { args: Record<string, unknown> }) => JSON.stringify(call.args.blocks);

/** Runs the scheduler as it wakes: at each pending job's due time up to `iso`, then at `iso`. */
async function runUntil(iso: string) {
  const end = Date.parse(iso);
  const nextDue = () => Date.parse((h.db.prepare("SELECT min(due_at) AS d FROM jobs WHERE status = 'pending'").get() as { d: string | null }).d ?? iso);
  for (let due = nextDue(); due <= end && due !== Date.parse(iso); due = nextDue()) {
    h.clock.set(new Date(Math.max(due, h.clock.now().getTime())).toISOString());
    await h.advance(0);
  }
  h.clock.set(iso);
  await h.advance(0);
}

describe('digests on their schedule', () => {
  it('when two channels have 09:00 weekday digests in Paris and New York, then each is posted at its local 09:00 across both DST changes, once', async () => {
    await start();
    await runUntil('2026-11-03T00:00:00.000Z');
    expect(postedAt('security-managers')).toEqual(PARIS.map(utc));
    expect(postedAt(US)).toEqual(NEW_YORK.map(utc));
    const first = digestsIn(US)[0];
    expect(textOf(first!)).toContain('schedule in America/New_York');
    expect(textOf(digestsIn('security-managers')[0]!)).toContain('schedule in Europe/Paris');
  });

  it('when Warden restarts before a run and again right after it, then the run is posted once and the next one still comes', async () => {
    await start();
    await runUntil('2026-10-23T06:59:00.000Z');
    await h.restart();
    await runUntil('2026-10-23T07:00:30.000Z');
    await h.restart();
    await h.restart();
    await runUntil('2026-10-26T12:00:00.000Z');
    expect(postedAt('security-managers')).toEqual(PARIS.slice(0, 2).map(utc));
    expect(postedAt(US)).toEqual(NEW_YORK.slice(0, 2).map(utc));
  });

  it('when Warden was down at 09:00 and is back within 6 hours, then the digest comes once, saying how late', async () => {
    await start();
    await runUntil('2026-10-23T06:00:00.000Z');
    h.clock.set('2026-10-23T09:30:00.000Z'); // down from 06:00 to 09:30 UTC
    await h.restart();
    await h.settle();
    await runUntil('2026-10-23T12:00:00.000Z');
    const posts = digestsIn('security-managers');
    expect(posts.map((c) => c.at)).toEqual(['2026-10-23T09:30:00.000Z']);
    expect(textOf(posts[0]!)).toContain('2h30m late');
  });

  it('when Warden was down at 09:00 for more than 6 hours, then that digest is skipped, audited, and named in the next one', async () => {
    await start();
    await runUntil('2026-10-23T06:00:00.000Z');
    h.clock.set('2026-10-23T14:00:00.000Z'); // 7 h after the Paris run; the New York one (13:00Z) is only 1 h late
    await h.restart();
    await h.settle();
    await runUntil('2026-10-26T12:00:00.000Z');
    expect(postedAt('security-managers')).toEqual([utc('2026-10-26T08:00')]);
    expect(postedAt(US)).toEqual([utc(NEW_YORK[0]!), '2026-10-23T14:00:00.000Z']);
    expect(textOf(digestsIn('security-managers')[0]!)).toMatch(/Skipped \(Warden was down for more than 6 h\): <!date\^\d+\^[^|]+\|2026-10-23 07:00 UTC>/);
    const skipped = h.db.prepare("SELECT details FROM audit_log WHERE action = 'digest.skipped'").all() as { details: string }[];
    expect(skipped.map((r) => JSON.parse(r.details) as { runAt: string })).toMatchObject([{ runAt: '2026-10-23T07:00:00.000Z' }]);
  });

  it('when a digest was removed from the configuration, then its run left queued posts nothing and queues no next one', async () => {
    await start();
    h.slack.addChannel('old-managers', { botJoined: true });
    // A run queued by an earlier configuration (its digest was removed from warden.yaml before this start).
    const key = 'old-managers|0 9 * * *|UTC';
    h.warden.store.jobs.enqueue({ kind: 'digest.run', dueAt: new Date('2026-10-23T09:00:00.000Z'), payload: { key, runAt: '2026-10-23T09:00:00.000Z' } }, h.clock.now());
    await runUntil('2026-10-24T12:00:00.000Z');
    expect(postedAt('old-managers')).toEqual([]);
    expect(h.db.prepare("SELECT status FROM jobs WHERE kind = 'digest.run' AND payload LIKE '%old-managers%'").all()).toEqual([{ status: 'done' }]);
    expect(postedAt(US)).toEqual(NEW_YORK.slice(0, 2).map(utc));
  });
});

describe('what a digest says', () => {
  it('when incidents are open, a review and an action item are overdue, then the digest lists them, a private one untitled, people as mentions', async () => {
    await start({ digests: [] });
    await h.incident('declare sev1 Checkout <down> & out');
    await h.settle();
    const channel = h.incidentChannel();
    await h.incident('action add <@UBOB|bob> +1d Rotate the API keys', { channel });
    await h.incident('resolve', { channel });
    await h.incident('declare sev2 --private Secret thing');
    await h.settle();
    h.clock.set('2026-11-04T12:00:00.000Z');
    await h.settle();
    const managers = h.slack.channels().find((c) => c.name === 'security-managers')!.id;
    const text = replyText((await h.command('/warden', 'digest', { user: 'UMANAG01', channel: managers })).body);
    expect(text).toContain('*2 open*: sev1: 1 · sev2: 1');
    expect(text).toContain('Checkout &lt;down&gt; &amp; out');
    expect(text).not.toContain('Secret thing');
    expect(text).toContain('_private_');
    expect(text).toMatch(/\*Overdue reviews\*\n\*1 overdue\*\n• \*INC-2026-0001\*: <@UALICE>, \*\d+d[\dhm]* late\*/);
    expect(text).toMatch(/\*Overdue action items\*\n\*1 overdue\*\n• \*INC-2026-0001 A1\* Rotate the API keys: <@UBOB>/);
    expect(text).toContain('*MTTA and MTTR, November 2026*\nNo incidents declared this month.');
    // Ephemeral: nothing was posted in the channel.
    expect(h.slack.calls('chat.postMessage').filter((c) => String(c.args.text).startsWith("Managers' digest"))).toEqual([]);
  });

  it('when a manager asks for one section, then only that one comes; an unknown section is named with the ones that exist', async () => {
    await start();
    const one = replyText((await h.command('/warden', 'digest reviews', { user: 'UMANAG01' })).body);
    expect(one).toContain('*Overdue reviews*\nNo review overdue.');
    expect(one).not.toContain('Open incidents');
    // In a digest's channel (configured by name), the digest of that channel: its zone.
    const us = h.slack.channels().find((c) => c.name === US)!.id;
    expect(JSON.stringify((await h.command('/warden', 'digest', { user: 'UMANAG01', channel: us })).body)).toContain('schedule in America/New_York');
    expect(JSON.stringify((await h.command('/warden', 'digest', { user: 'UMANAG01' })).body)).toContain('schedule in Europe/Paris');
    const bad = replyText((await h.command('/warden', 'digest bogus', { user: 'UMANAG01' })).body);
    expect(bad).toContain('`bogus` is not a digest section: `incidents`, `deadlines`');
  });
});

describe('patches and controls in the digest (through their read-model ports)', () => {
  // Stand-ins for patchDigestOf / controlDigestOf until the patches and access-reviews features provide them.
  const patches: PatchDigest = {
    openBySeverity: { critical: 1, high: 7, medium: 0, low: 0 } as PatchDigest['openBySeverity'],
    overdue: [{ id: 'P-12', severity: 'high' as PatchDigest['overdue'][number]['severity'], owner: 'UCAROL', asset: 'web-<01>', dueAt: new Date('2026-10-20T12:00:00Z') }],
    overdueTotal: 8,
    closedWithinSla: { days30: { closed: 10, withinSla: 9 }, days90: { closed: 20, withinSla: 15 } },
  };
  const controls: ControlDigest = { overdue: [{ id: 'AR-1', name: 'Prod database access', type: 'access-review', owner: 'UBOB', dueAt: new Date('2026-10-21T12:00:00Z') }], overdueTotal: 1, unowned: ['Backup restore test'] };

  it('when findings and an access review are overdue, then the digest shows counts, owners, shares within SLA and the list commands', async () => {
    const config = parseConfig({ ...CONFIG, digests: [] });
    const clockCatalog = loadClockCatalog(config, [join(PACKAGE_ROOT, 'regimes')]);
    const digests = digestsFeature({ digests: [], clockCatalog, patchDigestOf: () => (_now, limit) => ({ ...patches, overdue: patches.overdue.slice(0, limit) }), controlDigestOf: () => () => controls });
    h = await startHarness({ config: { ...CONFIG, digests: [] }, start: START, features: wardenFeatures(config).map((f) => (f.name === 'digests' ? digests : f)) });
    const text = replyText((await h.command('/warden', 'digest', { user: 'UMANAG01' })).body);
    expect(text).toContain('*Patch SLAs*\n*8 open*: critical: 1 · high: 7 · *8 overdue*\nClosed within SLA: 90% of 10 (30 days), 75% of 20 (90 days)');
    expect(text).toContain('• *P-12* high web-&lt;01&gt;: <@UCAROL>, *2d late*\n…and 7 more: `/patch list overdue`');
    expect(text).toContain('• *Prod database access* (access review): <@UBOB>, *1d late*\nUnowned: Backup restore test');
  });
});

describe('access reviews and controls in the digest (the access-reviews feature\'s read model)', () => {
  it('when a weekly control nobody owns is overdue, then the digest lists it as overdue with no owner, and as unowned', async () => {
    const sla = { accessReview: { systems: [] }, controls: [{ id: 'chaos-test', name: 'Chaos <test>', every: 'weekly' as const }] };
    h = await startFullHarness({ ...CONFIG, digests: [], company: { timeZone: 'Europe/Paris' }, sla });
    await h.settle();
    // The week of Monday 16 November is due at the end of Sunday 22 November, Paris time (22:59:59.999 UTC).
    h.clock.set('2026-11-24T11:00:00.000Z');
    await h.settle();
    const text = replyText((await h.command('/warden', 'digest access-reviews', { user: 'UMANAG01' })).body);
    expect(text).toContain('*Access reviews and controls*\n*1 overdue*\n• *Chaos &lt;test&gt;* (control): _no owner_, *1d12h late*\nUnowned: Chaos &lt;test&gt;');
  });

  it('when an owned access review is overdue, then the digest names it, its owner as a mention and how late', async () => {
    const sla = { accessReview: { systems: [{ system: 'production', owner: 'USRELEAD1' }] }, controls: [] };
    h = await startFullHarness({ ...CONFIG, digests: [], company: { timeZone: 'Europe/Paris' }, sla });
    h.slack.addUser('USRELEAD1', { name: 'sre-lead', tz: 'Europe/Paris' });
    await h.settle();
    // November's period is due at the end of Monday 30 November, Paris time (22:59:59.999 UTC).
    h.clock.set('2026-12-02T11:00:00.000Z');
    await h.settle();
    const text = replyText((await h.command('/warden', 'digest access-reviews', { user: 'UMANAG01' })).body);
    expect(text).toMatch(/\*Access reviews and controls\*\n\*1 overdue\*\n• \*[^*\n]*production\* \(access review\): <@USRELEAD1>, \*1d12h late\*$/);
  });
});

describe('patch SLAs in the digest (the patches feature\'s read model)', () => {
  it('when a critical finding is overdue and a medium one open, then the digest counts them by severity and names the overdue one, its owner and how late', async () => {
    await start({ digests: [], company: { timeZone: 'Europe/Paris' }, sla: { patch: { critical: '7d' } } });
    // Discovered Tuesday 13 October: due at the end of Tuesday 20 October in Paris (21:59:59.999 UTC); now is Thursday 22, 12:00 UTC.
    await h.command('/patch', 'add SEC-1 critical <@UBOB|bob> db-<1> --discovered 2026-10-13 stale TLS', { user: 'UALICE' });
    await h.command('/patch', 'add SEC-2 medium <@UCAROL|carol> web-1', { user: 'UALICE' });
    const text = replyText((await h.command('/warden', 'digest patches', { user: 'UMANAG01' })).body);
    expect(text).toContain('*Patch SLAs*\n*2 open*: critical: 1 · medium: 1 · *1 overdue*\nClosed within SLA: none closed (30 days), none closed (90 days)\n• *SEC-1* critical db-&lt;1&gt;: <@UBOB>, *1d14h late*');
  });
});

