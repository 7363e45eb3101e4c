import { afterEach, describe, expect, it } from 'vitest';
import { actionItemsOf } from '../../src/features/actions/index.js';
import { startFullHarness } from '../support/full-harness.js';
import { replyText, type Harness } from '../support/warden-harness.js';
import { expectOneMoreAt } from '../support/expect-reminder.js';

// The harness starts on Sunday 2026-11-22 at 09:00 UTC (10:00 in Paris). France's public holidays and quiet
// hours from 20:00 to 08:00 Paris time; default reminders: 2 days before, at the due time, then daily up to 5 times,
// escalation 3 days after the due time.
const CONFIG = {
  company: { holidays: 'FR', timeZone: 'Europe/Paris' },
  quietHours: { start: '20:00', end: '08:00', timeZone: 'Europe/Paris' },
  actions: { reminders: { before: ['2d', 0 as const], overdueEvery: '1d', overdueMax: 5, escalateAfter: '3d' } },
};
const MIN = 60_000;
const INC = 'INC-2026-0001';
let h: Harness;
let channel: string;

afterEach(async () => {
  await h.stop();
});

async function start(config: Record<string, unknown> = {}, declare = 'declare sev4 Checkout slow') {
  h = await startFullHarness({ ...CONFIG, ...config });
  await h.incident(declare);
  await h.settle();
  channel = h.incidentChannel();
}

const say = async (text: string, user = 'UALICE', where = channel) => replyText((await h.incident(text, { channel: where, user })).body);
const dmOf = (user: string) => h.slack.channels().find((c) => c.isIm && c.user === user)?.id;
const reminders = (user: string) => h.slack.calls('chat.postMessage').filter((c) => c.ok && c.args.channel === dmOf(user) && String(c.args.text).includes('Your action item'));
const reminderTimes = (user: string) => reminders(user).map((c) => c.at);
const managersPosts = () => h.slack.calls('chat.postMessage').filter((c) => c.ok && c.args.channel === 'security-managers');
const items = () => h.db.prepare('SELECT id, owner, due_at, status, evidence FROM action_items ORDER BY rowid').all();

const expectReminderAt = (user: string, iso: string) => expectOneMoreAt(h, () => reminders(user), iso);

describe('adding, listing and closing action items', () => {
  it('when an item is added in the channel, then it gets the next id, a line in the channel, the timeline and the audit', async () => {
    await start();
    expect(await say('action add <@UBOB|bob> +3d Rotate the API keys')).toContain('Added *A1* to INC-2026-0001 for <@UBOB>');
    expect(await say('action add <@UCAROL|carol> 2026-12-15 Write the <b>runbook</b>')).toContain('Added *A2*');
    await h.settle();
    expect(items()).toEqual([
      { id: 'A1', owner: 'UBOB', due_at: '2026-11-25T09:00:00.000Z', status: 'open', evidence: null },
      { id: 'A2', owner: 'UCAROL', due_at: '2026-12-15T22:59:00.000Z', status: 'open', evidence: null },
    ]);
    const lines = h.slack.messages(channel).map((m) => m.text).filter((t) => t.startsWith(':memo:'));
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('Write the &lt;b&gt;runbook&lt;/b&gt;');
    expect(h.warden.store.timeline.list(INC).filter((e) => e.kind === 'action_item').map((e) => e.text)).toEqual([
      'Action item A1 for <@UBOB>, due 2026-11-25 10:00 (Europe/Paris): Rotate the API keys',
      'Action item A2 for <@UCAROL>, due 2026-12-15 23:59 (Europe/Paris): Write the <b>runbook</b>',
    ]);
    expect(h.warden.store.audit.forIncident(INC).filter((e) => e.action === 'action_item.added')).toHaveLength(2);
  });

  it('when the owner marks it done with evidence, then it is done, the channel hears, and list shows open items first', async () => {
    await start();
    await say('action add <@UBOB|bob> +3d Rotate the API keys');
    await say('action add <@UBOB|bob> +1d Patch the proxy');
    expect(await say('action done A1 https://tickets.example/SEC-12', 'UBOB')).toContain('*A1* of INC-2026-0001 is done');
    await h.settle();
    expect(h.slack.messages(channel).some((m) => m.text.startsWith(':white_check_mark: Action item *A1* is done (<@UBOB>): https://tickets.example/SEC-12'))).toBe(true);
    const list = await say('action list', 'UCAROL');
    expect(list).toContain('*Action items of INC-2026-0001* (1 open, 1 done)');
    expect(list.indexOf('*A2*')).toBeLessThan(list.indexOf('*A1*'));
    expect(items()).toContainEqual({ id: 'A1', owner: 'UBOB', due_at: '2026-11-25T09:00:00.000Z', status: 'done', evidence: 'https://tickets.example/SEC-12' });
  });

  it('when the commander reassigns an item and moves its due date, then the new owner is reminded on the new plan and the old owner no more', async () => {
    await start();
    await say('action add <@UBOB|bob> +3d Rotate the API keys');
    expect(await say('action reassign A1 <@UCAROL|carol>')).toContain("*A1* of INC-2026-0001 is now <@UCAROL>'s");
    expect(await say('action due A1 2026-11-26 10:00', 'UCAROL')).toContain('is now due');
    await h.settle();
    expect(h.slack.messages(channel).some((m) => m.text.includes('gave action item *A1* from <@UBOB> to <@UCAROL>'))).toBe(true);
    // Due Thursday 10:00 Paris: reminders Tuesday 10:00 (09:00 UTC) and Thursday 09:00 UTC.
    await expectReminderAt('UCAROL', '2026-11-24T09:00:00.000Z');
    await expectReminderAt('UCAROL', '2026-11-26T09:00:00.000Z');
    expect(reminders('UBOB')).toEqual([]);
    expect(h.warden.store.audit.forIncident(INC).map((e) => e.action).filter((a) => a.startsWith('action_item.'))).toEqual(['action_item.added', 'action_item.reassigned', 'action_item.due_changed']);
  });

  it('when someone outside the channel names the incident, then the owner can close their item from anywhere', async () => {
    await start();
    await say('action add <@UBOB|bob> +3d Rotate the API keys');
    expect(await say(`action done ${INC} A1 rotated`, 'UBOB', 'CGENERAL')).toContain('*A1* of INC-2026-0001 is done');
    expect(await say(`action list ${INC}`, 'UCAROL', 'CGENERAL')).toContain('(0 open, 1 done)');
  });

  it('when a person asks for their own items anywhere, then they get their open items across incidents', async () => {
    await start();
    await say('action add <@UBOB|bob> +3d Rotate the API keys');
    await h.incident('declare sev4 Search slow');
    await h.settle();
    const second = h.warden.store.incidents.get('INC-2026-0002')?.channelId as string;
    await say('action add <@UBOB|bob> +1d Reindex', 'UALICE', second);
    const mine = await say('action list mine', 'UBOB', 'CGENERAL');
    expect(mine).toContain('*Your open action items* (2)');
    expect(mine.indexOf('INC-2026-0002 *A1* Reindex')).toBeLessThan(mine.indexOf('INC-2026-0001 *A1* Rotate'));
    expect(await say('action list mine', 'UCAROL', 'CGENERAL')).toContain('You have no open action items.');
  });

  it('when action has no or an unknown sub-verb, then it answers with the usage of each', async () => {
    await start();
    for (const text of ['action', 'action help', 'action frobnicate']) {
      const answer = await say(text);
      expect(answer).toContain('`/incident action add [INC-…] @owner &lt;due&gt; &lt;text&gt;`');
      expect(answer).toContain('`/incident action due [INC-…] &lt;id&gt; &lt;due&gt;`');
    }
    expect(await say('action frobnicate')).toContain('Unknown `action frobnicate`');
  });
});

describe('the read API for the review draft', () => {
  it('when an incident has ten items, then actionItemsOf lists them in id order, A10 after A9, with who closed what', async () => {
    await start();
    for (let i = 1; i <= 10; i++) await say(`action add <@UBOB|bob> +${i}d Item ${i}`);
    await say('action done A3 https://tickets.example/3', 'UBOB');
    const read = actionItemsOf(h.db)(INC);
    expect(read.map((i) => i.id)).toEqual(['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8', 'A9', 'A10']);
    expect(read[2]).toEqual({
      id: 'A3',
      text: 'Item 3',
      owner: 'UBOB',
      dueAt: new Date('2026-11-25T09:00:00.000Z'),
      status: 'done',
      createdBy: 'UALICE',
      createdAt: new Date('2026-11-22T09:00:00.000Z'),
      doneBy: 'UBOB',
      doneAt: new Date('2026-11-22T09:00:00.000Z'),
      evidence: 'https://tickets.example/3',
    });
    expect(actionItemsOf(h.db)('INC-2026-0099')).toEqual([]);
  });
});

describe('reminders by DM', () => {
  it('when time moves on, then each reminder goes out once at its time, skipping the weekend and quiet hours, folding what piled up', async () => {
    await start();
    await say('action add <@UBOB|bob> +3d Rotate the API keys'); // due Wednesday 25 November, 10:00 Paris
    await expectReminderAt('UBOB', '2026-11-23T09:00:00.000Z'); // 2 days before
    expect(String(reminders('UBOB')[0]?.args.text)).toContain('Reminder 1 of 7');
    expect(String(reminders('UBOB')[0]?.args.text)).toContain(`/incident action done ${INC} A1 &lt;evidence&gt;`);
    await expectReminderAt('UBOB', '2026-11-25T09:00:00.000Z'); // at the due time
    await expectReminderAt('UBOB', '2026-11-26T09:00:00.000Z'); // overdue 1
    expect(String(reminders('UBOB').at(-1)?.args.text)).toContain('overdue by 1 day');
    await expectReminderAt('UBOB', '2026-11-27T09:00:00.000Z'); // overdue 2
    // Saturday's and Sunday's wait for Monday after the quiet hours (08:00 Paris), as one message.
    await expectReminderAt('UBOB', '2026-11-30T07:00:00.000Z');
    await expectReminderAt('UBOB', '2026-11-30T09:00:00.000Z'); // the last one of the plan
    await h.advance(10 * 24 * 60 * MIN);
    expect(reminderTimes('UBOB')).toHaveLength(6);
    expect(String(reminders('UBOB').at(-1)?.args.text)).toContain('overdue by 5 days');
  });

  it('when a reminder would fall on a public holiday, then it waits for the next working day', async () => {
    await start();
    // Due Christmas Eve 23:59 Paris; the due-time reminder would land in quiet hours, then on Christmas Day.
    await say('action add <@UBOB|bob> 2026-12-24 Renew the certificate');
    await expectReminderAt('UBOB', '2026-12-23T07:00:00.000Z');
    h.clock.set('2026-12-27T23:00:00.000Z');
    await h.advance(0);
    expect(reminders('UBOB')).toHaveLength(1);
    await expectReminderAt('UBOB', '2026-12-28T07:00:00.000Z');
  });

  it('when the item is done, then no reminder and no escalation follow', async () => {
    await start();
    await say('action add <@UBOB|bob> +3d Rotate the API keys');
    await expectReminderAt('UBOB', '2026-11-23T09:00:00.000Z');
    await say('action done A1', 'UBOB');
    await h.advance(14 * 24 * 60 * MIN);
    expect(reminders('UBOB')).toHaveLength(1);
    expect(managersPosts()).toEqual([]);
  });

  it('when Warden restarts in the middle, then no reminder is lost and none is sent twice', async () => {
    await start();
    await say('action add <@UBOB|bob> +3d Rotate the API keys');
    await expectReminderAt('UBOB', '2026-11-23T09:00:00.000Z');
    await h.restart();
    await expectReminderAt('UBOB', '2026-11-25T09:00:00.000Z');
    // Down over the next reminder's time: it goes out once when Warden is back, the plan carries on.
    await h.warden.stop();
    h.clock.set('2026-11-26T12:00:00.000Z');
    await h.restart();
    await h.settle();
    expect(reminderTimes('UBOB')).toEqual(['2026-11-23T09:00:00.000Z', '2026-11-25T09:00:00.000Z', '2026-11-26T12:00:00.000Z']);
    await h.restart();
    await h.settle();
    await expectReminderAt('UBOB', '2026-11-27T09:00:00.000Z');
    expect(reminders('UBOB')).toHaveLength(4);
  });
});

describe('escalation', () => {
  it('when an item is still open after escalateAfter, then the managers channel hears once, naming owner, incident, item and how late', async () => {
    await start();
    await say('action add <@UBOB|bob> +3d Rotate the API keys');
    // Due Wednesday 09:00 UTC + 3 days = Saturday: on the next working day, after quiet hours: Monday 08:00 Paris.
    h.clock.set('2026-11-30T06:59:00.000Z');
    await h.advance(0);
    expect(managersPosts()).toEqual([]);
    await h.advance(MIN);
    expect(managersPosts()).toHaveLength(1);
    const text = String(managersPosts()[0]?.args.text);
    expect(text).toContain('Action item *A1* of *INC-2026-0001* (Checkout slow) is *overdue by 4 days*: Rotate the API keys');
    expect(text).toContain('Owner: <@UBOB>');
    await say('action due A1 +1d', 'UBOB');
    await h.advance(20 * 24 * 60 * MIN);
    expect(managersPosts()).toHaveLength(1);
  });
});

describe('action items outlive the incident', () => {
  it('when the incident is resolved and closed, then items stay open, can be added and closed, and reminders go on', async () => {
    await start();
    await say('action add <@UBOB|bob> +3d Rotate the API keys');
    await say('resolve');
    await say('close');
    await h.settle();
    expect(h.warden.store.incidents.get(INC)?.status).toBe('closed');
    expect(await say('action add <@UCAROL|carol> +2w Add an alert on key age')).toContain('Added *A2*');
    await expectReminderAt('UBOB', '2026-11-23T09:00:00.000Z');
    expect(await say('action done A1 rotated', 'UBOB')).toContain('is done');
    expect(items()).toMatchObject([{ id: 'A1', status: 'done' }, { id: 'A2', status: 'open' }]);
  });
});

describe('App Home', () => {
  it("when a person has open items, then App Home lists them, soonest due first, overdue marked", async () => {
    await start();
    await say('action add <@UBOB|bob> +3d Rotate the API keys');
    await say('action add <@UBOB|bob> +1d Patch the proxy');
    await h.settle();
    const home = () => JSON.stringify(h.slack.calls('views.publish').filter((c) => c.ok && c.args.user_id === 'UBOB').at(-1)?.args.view);
    expect(home()).toContain('Your action items (2 open)');
    expect(home().indexOf('Patch the proxy')).toBeLessThan(home().indexOf('Rotate the API keys'));
    h.clock.set('2026-11-23T09:00:00.000Z');
    await h.advance(0);
    expect(home()).toContain('*overdue*');
    await say('action done A2', 'UBOB');
    await h.settle();
    expect(home()).toContain('Your action items (1 open)');
  });
});

describe('bad input is refused and nothing changes', () => {
  it.each([
    ['action add <@UBOB|bob> 2026-11-01 Rotate keys', 'is not in the future'],
    ['action add <@UBOB|bob> 2026-02-30 Rotate keys', '2026-02-30 is not a date on the calendar'],
    ['action add <@UBOB|bob> soon Rotate keys', '`soon` is not a due date'],
    ['action add <@UBOB|bob> +0d Rotate keys', 'is now, not later'],
    ['action add +3d Rotate keys', 'Name the owner first'],
    ['action add <@UBOB|bob>', 'Missing the due date'],
    ['action add <@UBOB|bob> +3d', 'the text of the action item is empty'],
    [`action add <@UBOB|bob> +3d ${'x'.repeat(301)}`, 'The text is 301 characters; keep it to 300'],
    ['action done A9', 'INC-2026-0001 has no action item A9'],
    ['action done X1', '`X1` is not an action item id'],
    ['action reassign A1', 'Name one person'],
    ['action due A1 yesterday', '`yesterday` is not a due date'],
  ])('when someone types `%s`, then it is refused with a clear reason', async (text, reason) => {
    await start();
    await say('action add <@UBOB|bob> +3d Rotate the API keys');
    await h.settle();
    const before = { items: items(), jobs: h.warden.store.jobs.pendingFor(INC).length, audit: h.warden.store.audit.forIncident(INC).length };
    const answer = await say(text, 'UBOB');
    await h.settle();
    expect(answer).toContain(':warning:');
    expect(answer).toContain(reason);
    expect({ items: items(), jobs: h.warden.store.jobs.pendingFor(INC).length, audit: h.warden.store.audit.forIncident(INC).length }).toEqual(before);
  });

  it('when someone who is neither the owner nor the commander marks an item done, then it is refused and audited', async () => {
    await start();
    await say('action add <@UBOB|bob> +3d Rotate the API keys');
    expect(await say('action done A1 done', 'UCAROL')).toMatch(/^:no_entry: Only the commander \(<@UALICE>\) or a Warden admin .* may change someone else's action item\./);
    expect(items()).toMatchObject([{ id: 'A1', status: 'open' }]);
    expect(h.warden.store.audit.forIncident(INC).filter((e) => e.action === 'access.denied').map((e) => e.actor)).toEqual(['UCAROL']);
    expect(await say('action done A1 done', 'UALICE')).toContain('is done');
  });

  it('when someone who is not in the incident adds an item from another channel, then it is refused', async () => {
    await start();
    expect(await say(`action add ${INC} <@UBOB|bob> +3d Rotate keys`, 'UCAROL', 'CGENERAL')).toMatch(/^:no_entry: Only a member of INC-2026-0001's channel may add or list action items\./);
    expect(items()).toEqual([]);
    expect(await say(`action add ${INC} <@UBOB|bob> +3d Rotate keys`, 'UALICE', 'CGENERAL')).toContain('Added *A1*');
  });

  it('when an item is already done, then marking it done again changes nothing', async () => {
    await start();
    await say('action add <@UBOB|bob> +3d Rotate the API keys');
    await say('action done A1 first', 'UBOB');
    expect(await say('action done A1 second', 'UBOB')).toContain('A1 of INC-2026-0001 is already done');
    expect(items()).toMatchObject([{ evidence: 'first' }]);
  });
});

describe('private incidents', () => {
  it('when someone who cannot see a private incident names it, then it is not found and its title never shows', async () => {
    await start({}, 'declare --private sev4 Payroll export leaked');
    await say('action add <@UBOB|bob> +3d Revoke the export token');
    for (const text of [`action list ${INC}`, `action done ${INC} A1`, `action add ${INC} <@UCAROL|carol> +1d Something`]) {
      const answer = await say(text, 'UCAROL', 'CGENERAL');
      expect(answer).toContain(`No incident ${INC}.`);
      expect(answer).not.toContain('Payroll');
    }
    // Bob owns an item, so his DM names the incident by its id alone, never its title.
    await expectReminderAt('UBOB', '2026-11-23T09:00:00.000Z');
    expect(String(reminders('UBOB')[0]?.args.text)).not.toContain('Payroll');
  });
});
