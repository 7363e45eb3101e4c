import { afterEach, describe, expect, it } from 'vitest';
import { controlDigestOf } from '../../src/features/access-reviews/index.js';
import { startFullHarness } from '../support/full-harness.js';
import { replyText, type Harness } from '../support/warden-harness.js';

// The harness starts on Sunday 2026-11-22 at 09:00 UTC (10:00 in Paris). France's public holidays, quiet hours
// from 20:00 to 08:00 Paris time. Production's access is reviewed monthly by the SRE lead (USRELEAD1): November's period is due at the
// end of Monday 30 November (22:59:59.999 UTC); reminders at the due time, then daily 3 times; escalation 2 days after.
const CONFIG = {
  company: { holidays: 'FR', timeZone: 'Europe/Paris' },
  quietHours: { start: '20:00', end: '08:00', timeZone: 'Europe/Paris' },
  permissions: { admins: ['UADMIN01'], roles: { manager: { users: ['UMANAG01'] } } },
  sla: { accessReview: { systems: [{ system: 'production', owner: 'USRELEAD1' }], reminders: { before: [0 as const], overdueEvery: '1d', overdueMax: 3, escalateAfter: '2d' } } },
};
const LEAD = 'USRELEAD1';
const MIN = 60_000;
const DAY = 86_400_000;
let h: Harness;

afterEach(async () => {
  await h.stop();
});

async function start(config: Record<string, unknown> = {}) {
  h = await startFullHarness({ ...CONFIG, ...config });
  h.slack.addUser(LEAD, { name: 'sre-lead', tz: 'Europe/Paris' });
  await h.settle();
}

const review = async (text: string, user = LEAD) => replyText((await h.command('/access-review', text, { user })).body);
const dmOf = (user: string) => h.slack.channels().find((c) => c.isIm && c.user === user)?.id;
const dmsAbout = (user: string, name: string, what?: string) =>
  h.slack.calls('chat.postMessage').filter((c) => c.ok && c.args.channel === dmOf(user) && String(c.args.text).includes(`*${name}*`) && (!what || String(c.args.text).includes(what)));
const openings = (label: string) => dmsAbout(LEAD, 'Access review: production', `is open for ${label}`);
const reminders = () => dmsAbout(LEAD, 'Access review: production', 'Reminder ');
const escalations = (name = 'Access review: production') => h.slack.calls('chat.postMessage').filter((c) => c.ok && c.args.channel === 'security-managers' && String(c.args.text).includes(`*${name}*`));
const periods = (id = 'production') => h.db.prepare('SELECT start, due, status, done_by, done_at, evidence, late FROM control_periods WHERE control_id = ? ORDER BY start').all(id) as Record<string, unknown>[];
const audits = () => h.db.prepare("SELECT actor, action, incident_id, details FROM audit_log WHERE action LIKE 'control.%' ORDER BY seq").all() as { actor: string; action: string; incident_id: string | null; details: string }[];
const at = async (iso: string) => {
  h.clock.set(new Date(iso));
  await h.advance(0);
};

describe('a period opens and its owner is told', () => {
  it('when Warden starts on a Sunday, then November opens and the SRE lead is told once, on Monday at 08:00 Paris time; a restart tells nobody again', async () => {
    await start();
    expect(periods()).toEqual([expect.objectContaining({ start: '2026-10-31T23:00:00.000Z', due: '2026-11-30T22:59:59.999Z', status: 'open' })]);
    expect(openings('2026-11')).toHaveLength(0);
    await at('2026-11-23T06:59:00.000Z');
    expect(openings('2026-11')).toHaveLength(0);
    await h.advance(MIN);
    expect(openings('2026-11').map((c) => c.at)).toEqual(['2026-11-23T07:00:00.000Z']);
    expect(String(openings('2026-11')[0]?.args.text)).toContain('/access-review done production &lt;evidence&gt;');
    await h.restart();
    await h.advance(DAY);
    expect(openings('2026-11')).toHaveLength(1);
    expect(periods()).toHaveLength(1);
  });

  it('when December starts, then its period opens (the job at midnight Paris time) and the SRE lead is told once, at 08:00', async () => {
    await start();
    await at('2026-11-30T22:59:00.000Z');
    expect(periods()).toHaveLength(1);
    await at('2026-11-30T23:00:00.000Z');
    expect(periods().map((p) => p.start)).toEqual(['2026-10-31T23:00:00.000Z', '2026-11-30T23:00:00.000Z']);
    expect(openings('2026-12')).toHaveLength(0);
    await at('2026-12-01T07:00:00.000Z');
    expect(openings('2026-12').map((c) => c.at)).toEqual(['2026-12-01T07:00:00.000Z']);
  });
});

describe('overdue reminders and escalation', () => {
  it('when November is not done, then each reminder goes out once at its time, the escalation once, and none after done late', async () => {
    await start();
    await at('2026-11-30T12:00:00.000Z');
    expect(reminders()).toHaveLength(0);
    for (const [iso, n] of [['2026-12-01T07:00:00.000Z', 1], ['2026-12-02T07:00:00.000Z', 2]] as const) {
      await at(new Date(new Date(iso).getTime() - MIN).toISOString());
      expect(reminders()).toHaveLength(n - 1);
      await h.advance(MIN);
      expect(reminders()).toHaveLength(n);
      expect(reminders().at(-1)?.at).toBe(iso);
      expect(String(reminders().at(-1)?.args.text)).toContain(`Reminder ${n} of 4`);
    }
    expect(String(reminders()[1]?.args.text)).toContain('*overdue by');
    expect(escalations()).toHaveLength(0);
    await at('2026-12-03T07:00:00.000Z');
    expect(escalations().map((c) => c.at)).toEqual(['2026-12-03T07:00:00.000Z']);
    expect(String(escalations()[0]?.args.text)).toContain('Owner: <@USRELEAD1>');
    expect(reminders()).toHaveLength(3);
    await at('2026-12-03T10:00:00.000Z');
    const answer = await review('done production https://tickets.example.com/ACC-12 removed 3 leavers');
    expect(answer).toContain('(2026-11) is done. It was *late*: recorded as late.');
    expect(answer).toContain('1 more period is open');
    expect(periods()[0]).toEqual(expect.objectContaining({ status: 'done', done_by: LEAD, done_at: '2026-12-03T10:00:00.000Z', evidence: 'https://tickets.example.com/ACC-12 removed 3 leavers', late: 1 }));
    // December follows the period (it began on 1 December), not the day November was done.
    expect(periods()[1]).toEqual(expect.objectContaining({ start: '2026-11-30T23:00:00.000Z', due: '2026-12-31T22:59:59.999Z', status: 'open' }));
    await h.advance(10 * DAY);
    expect(reminders().filter((c) => String(c.args.text).includes('(2026-11)'))).toHaveLength(3);
    expect(escalations()).toHaveLength(1);
    expect(audits().filter((a) => a.action === 'control.done')).toEqual([expect.objectContaining({ actor: LEAD, incident_id: null })]);
  });

  it('when unowned controls are overdue, then nobody is reminded and the managers are not told; the list names them as unowned', async () => {
    await start();
    for (const day of ['2027-01-02', '2027-01-04', '2027-01-05', '2027-01-06']) await at(`${day}T12:00:00.000Z`);
    expect(escalations()).toHaveLength(2); // production's November and December
    for (const name of ['Incident-response tabletop', 'Disaster-recovery drill', 'Chaos test']) expect(escalations(name)).toHaveLength(0);
    expect(await review('list')).toMatch(/Chaos test\* `chaos-test` \(_no owner_, quarterly\): 2026-Q4 :warning: \*overdue\*/);
  });

  it('when Warden restarts between reminders, then none is lost and none repeats', async () => {
    await start();
    await at('2026-12-01T07:00:00.000Z');
    expect(reminders()).toHaveLength(1);
    await h.restart();
    await at('2026-12-01T12:00:00.000Z');
    expect(reminders()).toHaveLength(1);
    await at('2026-12-02T07:00:00.000Z');
    expect(reminders()).toHaveLength(2);
    await h.restart();
    await at('2026-12-03T07:00:00.000Z');
    await h.restart();
    await at('2026-12-04T07:00:00.000Z');
    await at('2026-12-05T12:00:00.000Z');
    expect(reminders().filter((c) => String(c.args.text).includes('(2026-11)')).map((c) => c.at)).toEqual(['2026-12-01T07:00:00.000Z', '2026-12-02T07:00:00.000Z', '2026-12-03T07:00:00.000Z', '2026-12-04T07:00:00.000Z']);
    expect(escalations()).toHaveLength(1);
    expect(openings('2026-11')).toHaveLength(1);
    expect(openings('2026-12')).toHaveLength(1);
  });

  it('when done on time, then no reminder and no escalation follow', async () => {
    await start();
    await at('2026-11-25T10:00:00.000Z');
    expect(await review('done production ticket ACC-11')).not.toContain('late');
    await at('2026-12-10T12:00:00.000Z');
    expect(reminders().filter((c) => String(c.args.text).includes('(2026-11)'))).toHaveLength(0);
    expect(escalations()).toHaveLength(0);
    expect(periods()[0]).toEqual(expect.objectContaining({ status: 'done', late: 0 }));
  });

  it('when a whole period is missed, then done closes the missed one first (late), and the current one on a second done (on time)', async () => {
    await start();
    await at('2026-12-10T10:00:00.000Z');
    expect(await review('done production ACC-11')).toContain('(2026-11) is done. It was *late*');
    expect(await review('done production ACC-12')).toContain('(2026-12) is done.');
    expect(periods().map((p) => [p.status, p.late])).toEqual([['done', 1], ['done', 0]]);
    expect(await review('done production ACC-13')).toContain('has no open period');
  });
});

describe('add, owner, list', () => {
  it('when a manager adds a system quarterly, then it is stored with its first period and owner, audited, and listed with the others', async () => {
    await start();
    expect(await review('add billing-db <@UCAROL|carol> quarterly', 'UMANAG01')).toContain('Added Access review: billing-db, quarterly, owner <@UCAROL>. Its first period (2026-Q4) is open');
    expect(periods('billing-db')).toEqual([expect.objectContaining({ start: '2026-09-30T22:00:00.000Z', due: '2026-12-31T22:59:59.999Z' })]);
    await at('2026-11-23T07:00:00.000Z');
    expect(dmsAbout('UCAROL', 'Access review: billing-db', 'is open for 2026-Q4')).toHaveLength(1);
    const list = await review('list', 'UCAROL');
    expect(list).toMatch(/Access review: production\* `production` \(<@USRELEAD1>, monthly\): 2026-11 open, due .*; never done/);
    expect(list).toMatch(/Access review: billing-db\* `billing-db` \(<@UCAROL>, quarterly\): 2026-Q4 open/);
    expect(list).toMatch(/Secrets rotation\* `secrets-rotation` \(_no owner_, every 90d\): 2026-11-22 to 2027-02-20 open/);
    expect(list).toMatch(/Incident-response tabletop\* `ir-tabletop` \(_no owner_, yearly\): 2026 open/);
    expect(list).toContain('4 with no owner: nobody is reminded of those');
    expect(audits().find((a) => a.action === 'control.added')).toEqual(expect.objectContaining({ actor: 'UMANAG01', incident_id: null }));
    await h.restart();
    expect(periods('billing-db')).toHaveLength(1);
  });

  it('when a manager gives production to UCAROL, then the stored owner wins over warden.yaml, across a restart; she is reminded, the SRE lead no more', async () => {
    await start();
    expect(await review('owner production <@UCAROL|carol>', 'UMANAG01')).toContain("is now <@UCAROL>'s (was <@USRELEAD1>'s)");
    await h.settle();
    // Both App Homes are refreshed: the review leaves the old owner's and joins hers.
    const homeOf = (user: string) => JSON.stringify(h.slack.calls('views.publish').filter((c) => c.ok && c.args.user_id === user).at(-1)?.args.view ?? {});
    expect(homeOf('UCAROL')).toContain('Your reviews and controls (1 open)');
    expect(homeOf('USRELEAD1')).toContain('"type":"home"');
    expect(homeOf('USRELEAD1')).not.toContain('Access review: production');
    await h.restart();
    await at('2026-12-01T07:00:00.000Z');
    expect(dmsAbout('UCAROL', 'Access review: production', 'Reminder 1 of 4')).toHaveLength(1);
    expect(reminders()).toHaveLength(0);
    expect(await review('list')).toContain('(<@UCAROL>, monthly)');
    expect(await review('done production ACC-1', 'UCAROL')).toContain('is done');
  });

  it('when an unowned control is given an owner, then it leaves the unowned list and the digest', async () => {
    await start();
    const digest = controlDigestOf(h.db);
    expect(digest(new Date('2026-11-23T00:00:00Z'), 10).unowned).toEqual(['Chaos test', 'Disaster-recovery drill', 'Incident-response tabletop', 'Secrets rotation']);
    await review('owner dr-drill <@UCAROL|carol>', 'UADMIN01');
    expect(digest(new Date('2026-11-23T00:00:00Z'), 10).unowned).not.toContain('Disaster-recovery drill');
    const later = digest(new Date('2027-01-05T00:00:00Z'), 2);
    // The clock has not moved: December is not open yet. Production's November, then the three due at the end of 2026.
    expect(later.overdueTotal).toBe(4);
    expect(later.overdue.map((o) => o.id)).toEqual(['production', 'chaos-test']);
  });
});

describe('the tabletop control', () => {
  it('when a drill is declared, resolved and closed, then the incident-response tabletop is done with the drill as its evidence', async () => {
    await start();
    await h.command('/incident', 'declare sev4 --drill Tabletop: ransomware', { user: 'UALICE' });
    await h.settle();
    const channel = h.incidentChannel();
    await h.incident('resolve', { channel, user: 'UALICE' });
    expect(periods('ir-tabletop')[0]).toEqual(expect.objectContaining({ status: 'open' }));
    expect(replyText((await h.incident('close', { channel, user: 'UALICE' })).body)).toContain('is now *closed*');
    expect(periods('ir-tabletop')[0]).toEqual(expect.objectContaining({ status: 'done', done_by: 'UALICE', evidence: 'INC-2026-0001', late: 0 }));
    expect(await review('list')).toMatch(/Incident-response tabletop\* `ir-tabletop` \(_no owner_, yearly\): 2026 :white_check_mark: done, due .*; last done .* by <@UALICE>: INC-2026-0001/);
  });

  it('when an incident that is no drill closes, then the tabletop stays open', async () => {
    await start();
    await h.command('/incident', 'declare sev4 Slow search', { user: 'UALICE' });
    await h.settle();
    const channel = h.incidentChannel();
    await h.incident('resolve', { channel, user: 'UALICE' });
    await h.incident('close', { channel, user: 'UALICE' });
    expect(periods('ir-tabletop')[0]).toEqual(expect.objectContaining({ status: 'open' }));
  });
});

describe('bad input', () => {
  it.each([
    ['done nosuch ACC-1', LEAD, 'No system or control `nosuch`'],
    ['done production', LEAD, 'Say what the evidence is'],
    ['done', LEAD, 'Name the system or control'],
    ['add billing-db <@UCAROL|carol> fortnightly', 'UMANAG01', '`fortnightly` is not a cadence: weekly, monthly, quarterly, yearly or a number of days like 90d'],
    ['add billing-db carol', 'UMANAG01', 'Name the owner with @'],
    ['add billing-db', 'UMANAG01', 'Name the owner with @'],
    ['add Billing_DB! <@UCAROL|carol>', 'UMANAG01', 'A system name is lower-case letters'],
    ['add production <@UCAROL|carol>', 'UMANAG01', 'warden.yaml configures it (the file wins'],
    ['owner nosuch <@UCAROL|carol>', 'UMANAG01', 'No system or control `nosuch`'],
    ['owner production carol', 'UMANAG01', 'Name the owner with @'],
  ])('when %j is sent, then it is refused clearly and nothing changes', async (text, user, message) => {
    await start();
    const before = [h.db.prepare('SELECT * FROM controls').all(), h.db.prepare('SELECT * FROM control_owners').all(), periods()];
    expect(await review(text, user)).toContain(message);
    expect([h.db.prepare('SELECT * FROM controls').all(), h.db.prepare('SELECT * FROM control_owners').all(), periods()]).toEqual(before);
  });

  it('when someone else marks production done without the manager role, then it is refused and audited; a manager may', async () => {
    await start();
    expect(await review('done production ACC-1', 'UCAROL')).toMatch(/^:no_entry: Only a Warden manager .* may record someone else's review as done\./);
    expect(periods()[0]).toEqual(expect.objectContaining({ status: 'open' }));
    expect(h.db.prepare("SELECT actor FROM audit_log WHERE action = 'access.denied'").pluck().all()).toEqual(['UCAROL']);
    expect(await review('done production ACC-1', 'UMANAG01')).toContain('is done');
    expect(periods()[0]).toEqual(expect.objectContaining({ status: 'done', done_by: 'UMANAG01' }));
  });
});
