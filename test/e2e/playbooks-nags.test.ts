import { afterEach, describe, expect, it } from 'vitest';
import { replyText, type Harness } from '../support/warden-harness.js';
import { declareTyped, responseAt, startPlaybookHarness } from '../features/playbooks/app/playbook-harness.js';

let h: Harness;
const MIN = 60_000;
const nagsAbout = (title: string) =>
  h.slack.calls('chat.postMessage').filter((c) => c.ok && String(c.args.text).startsWith(`:alarm_clock: *${title}*`));
const dmOf = (user: string) => h.slack.channels().find((c) => c.isIm && c.user === user)?.id;
const ROLES = 'Assign commander, comms and ops leads'; // owner: commander, due 10m after declaration
const IMPACT = "Confirm the impact from the user's side"; // owner: ops, due 10m

afterEach(async () => {
  await h.stop();
});

async function outage(config = {}, start?: string) {
  h = await startPlaybookHarness({ nags: { every: '1h', maxPerStep: 2 }, ...config }, start);
  return declareTyped(h, 'outage', 'Checkout down');
}

describe('nags for overdue steps', () => {
  it('when a step falls due, then its owner gets a DM every interval up to the cap, and the checklist marks it overdue', async () => {
    const { channel } = await outage();
    await h.advance(9 * MIN);
    expect(nagsAbout(ROLES)).toHaveLength(0);
    await h.advance(1 * MIN);
    expect(nagsAbout(ROLES)).toHaveLength(1);
    expect(nagsAbout(ROLES)[0]?.args.channel).toBe(dmOf('UALICE'));
    expect(String(nagsAbout(ROLES)[0]?.args.text)).toContain('Reminder 1 of 2');
    await h.advance(60 * MIN);
    expect(nagsAbout(ROLES)).toHaveLength(2);
    expect(JSON.stringify(h.slack.messages(channel).find((m) => m.text.startsWith('Playbook '))?.blocks)).toContain('*overdue*');
    await h.advance(5 * 60 * MIN);
    expect(nagsAbout(ROLES)).toHaveLength(2);
  });

  it('when a role holder or an assignee owns the step, then the nag goes to them, not the commander', async () => {
    const { channel } = await outage();
    await h.incident('role ops <@UCAROL|carol>', { channel });
    await h.advance(10 * MIN);
    expect(nagsAbout(IMPACT).map((c) => c.args.channel)).toEqual([dmOf('UCAROL')]);
  });

  it('when the step is done, then its nags stop', async () => {
    const { channel } = await outage();
    await h.advance(10 * MIN);
    expect(nagsAbout(ROLES)).toHaveLength(1);
    await h.incident('playbook done assign-roles', { channel });
    await h.advance(3 * 60 * MIN);
    expect(nagsAbout(ROLES)).toHaveLength(1);
  });

  it('when the incident resolves, then every pending nag is cancelled in the same transaction', async () => {
    const { id, channel } = await outage();
    expect(h.warden.store.jobs.pendingFor(id).filter((j) => j.kind === 'playbook.nag').length).toBeGreaterThan(0);
    await h.incident('resolve', { channel });
    expect(h.warden.store.jobs.pendingFor(id).filter((j) => j.kind.startsWith('playbook.nag'))).toEqual([]);
    await h.advance(5 * 60 * MIN);
    expect(h.slack.calls('chat.postMessage').filter((c) => String(c.args.text).startsWith(':alarm_clock: *'))).toEqual([]);
  });

  it('when a step falls due in quiet hours, then the nag waits for the end of the window', async () => {
    await outage({ quietHours: { start: '22:00', end: '07:00', timeZone: 'Europe/London' } }, '2026-11-22T21:55:00.000Z');
    await h.advance(60 * MIN);
    expect(nagsAbout(ROLES)).toHaveLength(0);
    h.clock.set('2026-11-23T06:59:00.000Z');
    await h.advance(0);
    expect(nagsAbout(ROLES)).toHaveLength(0);
    await h.advance(1 * MIN);
    expect(nagsAbout(ROLES).map((c) => c.at)).toEqual(['2026-11-23T07:00:00.000Z']);
  });

  it('when the owner clicks "Snooze 1h" on the nag, then the next nag comes an hour later, not at the interval', async () => {
    await outage({ nags: { every: '30m', maxPerStep: 3 } });
    await h.advance(10 * MIN);
    const [nag] = nagsAbout(ROLES);
    const dm = String(nag?.args.channel);
    const button = (nag?.args.blocks as { elements?: { action_id: string; value: string }[] }[]).flatMap((b) => b.elements ?? []).find((e) => e.action_id === 'playbook.snooze');
    const responseUrl = h.slack.responseUrl('snooze', { channelId: dm, userId: 'UALICE' });
    await h.action({ actionId: 'playbook.snooze', value: button?.value ?? '', userId: 'UALICE', channelId: dm, messageTs: '1.0', responseUrl });
    expect(await responseAt(h, 'snooze')).toContain('Snoozed for 1h');
    await h.advance(40 * MIN);
    expect(nagsAbout(ROLES)).toHaveLength(1);
    await h.advance(20 * MIN);
    expect(nagsAbout(ROLES)).toHaveLength(2);
    expect(nagsAbout(ROLES)[1]?.at).toBe('2026-11-22T10:10:00.000Z');
  });

  it('when someone who is neither the step assignee nor a member of the incident clicks its Snooze, then it is refused and audited', async () => {
    await outage({ nags: { every: '30m', maxPerStep: 3 } });
    await h.advance(10 * MIN);
    const [nag] = nagsAbout(ROLES);
    const button = (nag?.args.blocks as { elements?: { action_id: string; value: string }[] }[]).flatMap((b) => b.elements ?? []).find((e) => e.action_id === 'playbook.snooze');
    const responseUrl = h.slack.responseUrl('forged-snooze', { channelId: 'CGENERAL', userId: 'UCAROL' });
    await h.action({ actionId: 'playbook.snooze', value: button?.value ?? '', userId: 'UCAROL', channelId: 'CGENERAL', messageTs: '1.0', responseUrl });
    expect(await responseAt(h, 'forged-snooze')).toMatch(/^:no_entry: Only a member of INC-\d{4}-\d{4}'s channel may tick, skip or assign a playbook step\.$/);
    expect(h.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'playbook.step_snoozed'").get()).toEqual({ n: 0 });
    expect(h.db.prepare("SELECT actor FROM audit_log WHERE action = 'access.denied'").all()).toEqual([{ actor: 'UCAROL' }]);
  });

  it('when /incident playbook snooze is used, then the step waits that long; bad input is explained', async () => {
    const { id, channel } = await outage();
    const ask = async (text: string) => replyText((await h.incident(text, { channel })).body);
    expect(await ask('playbook snooze assign-roles 3h')).toContain('snoozed for 3h');
    expect(await ask('playbook snooze assign-roles soon')).toContain('Usage: `/incident playbook snooze &lt;step&gt; &lt;duration&gt;`');
    expect(await ask('playbook snooze nope 1h')).toContain('has no step `nope`');
    await h.advance(3 * 60 * MIN - 1);
    expect(nagsAbout(ROLES)).toHaveLength(0);
    await h.advance(1);
    expect(nagsAbout(ROLES)).toHaveLength(1);
    expect(h.warden.store.audit.forIncident(id).filter((e) => e.action === 'playbook.step_snoozed')).toHaveLength(1);
  });
});

describe('when the incident itself changes', () => {
  it('when a resolved incident is reopened, then its overdue steps are nagged again', async () => {
    const { id, channel } = await outage();
    await h.incident('resolve', { channel });
    await h.advance(30 * MIN);
    expect(nagsAbout(ROLES)).toHaveLength(0);
    await h.incident('status investigating', { channel });
    await h.settle();
    expect(h.warden.store.jobs.pendingFor(id).some((j) => j.kind === 'playbook.nag')).toBe(true);
    await h.advance(1 * MIN);
    expect(nagsAbout(ROLES)).toHaveLength(1);
  });

  it('when a role changes hands, then the checklist shows the new owner without anyone ticking a step', async () => {
    const { channel } = await outage();
    const checklist = () => JSON.stringify(h.slack.messages(channel).find((m) => m.text.startsWith('Playbook '))?.blocks);
    expect(checklist()).not.toContain('<@UCAROL>');
    await h.incident('role ops <@UCAROL|carol>', { channel });
    await h.settle();
    expect(checklist()).toContain('<@UCAROL>');
  });
});
