import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventually, HOUR, MIN, startClockHarness, type ClockHarness } from '../features/notifications/app/clocks/clock-harness.js';
import { BOT_USER_ID } from '../support/stand-ins/slack/index.js';

let h: ClockHarness;
let channel: string;
const say = (text: string, user = 'UALICE') => h.say(channel, text, user);
const gdpr = (texts: string[]) => texts.filter((t) => t.includes('supervisory_authority'));
const reminderJobs = () => h.warden.store.jobs.pendingFor(h.warden.store.incidents.listOpen()[0]?.id ?? '').filter((j) => j.kind === 'clocks.reminder');

beforeEach(async () => {
  // Four hours before the due time, at it, then hourly twice: few enough instants to follow one by one.
  h = await startClockHarness({ notifications: { reminderLeadTimes: ['4h', 0], afterDueEvery: '1h', afterDueMax: 2 }, permissions: { approvers: ['ULEGAL01'] } });
  await h.incident('declare sev2 Customer export bucket public');
  await h.settle();
  channel = h.incidentChannel();
  await say('role comms <@UBOB|bob>');
  await say('clock became_aware', 'UBOB');
  await say('regime add gdpr', 'UBOB');
  await h.settle();
});
afterEach(async () => {
  await h.stop();
});

describe('reminders of a notification deadline', () => {
  it('when time passes, then the comms lead is reminded by DM before the due time, and past it the managers hear too', async () => {
    await h.advance(68 * HOUR - MIN);
    expect(gdpr(h.dmTexts('UBOB'))).toHaveLength(0);
    await h.advance(MIN);
    const [first] = gdpr(h.dmTexts('UBOB'));
    expect(first).toContain(':alarm_clock: *GDPR personal data breach notification (Arts 33-34) · supervisory_authority* for *INC-2026-0001*');
    expect(first).toContain('(2026-11-25 10:00 +01:00 Europe/Brussels): 4h left');
    expect(first).toContain('`/incident submitted gdpr:supervisory_authority &lt;reference&gt;`');
    expect(gdpr(h.slack.messages(h.managersId).map((m) => m.text))).toHaveLength(0);

    await h.advance(4 * HOUR);
    expect(gdpr(h.dmTexts('UBOB')).at(-1)).toContain(': 0m left');
    await h.advance(HOUR);
    expect(gdpr(h.dmTexts('UBOB')).at(-1)).toContain('is *overdue*: overdue by 1h, was due');
    const [escalation] = gdpr(h.slack.messages(h.managersId).map((m) => m.text));
    expect(escalation).toContain(':red_circle: *INC-2026-0001* (<#');
    expect(escalation).toContain('is *overdue* (overdue by 1h)');
    expect(escalation).toContain('Comms lead: <@UBOB>');
    expect(JSON.stringify(h.slack.messages(channel).find((m) => m.text.startsWith('Legal clocks of'))?.blocks)).toContain(':red_circle: *supervisory_authority*');
  });

  it('when the bot is not in the managers\' channel, then the escalation goes to the incident channel saying so, and /metrics counts it', async () => {
    h.slack.leaveChannel(h.managersId, BOT_USER_ID);
    await h.advance(73 * HOUR);
    expect(gdpr(h.slack.messages(h.managersId).map((m) => m.text))).toHaveLength(0);
    const [rerouted] = h.slack.messages(channel).filter((m) => m.text.includes('is *overdue* (overdue by 1h)'));
    expect(rerouted?.text).toContain(`:warning: Meant for <#${h.managersId}> (not_in_channel): invite @warden there, or fix the channel in warden.yaml.`);
    expect(JSON.stringify(rerouted?.blocks)).toContain('Meant for');
    const metrics = await (await fetch(`${h.url}/metrics`)).text();
    const reroutedCount = Number(/^warden_deliveries_rerouted_total\{kind="slack\.clock_post",reason="not_in_channel"\} (\d+)$/m.exec(metrics)?.[1] ?? 0);
    // One a post passed over the managers' channel: this stage's escalation and any other stage's that fell due.
    expect(reroutedCount).toBe(h.slack.messages(channel).filter((m) => m.text.startsWith(':warning: Meant for')).length);
    expect(reroutedCount).toBeGreaterThan(0);
    expect(h.warden.store.jobs.failedCount()).toBe(0);
  });

  it('when the stage is submitted, then it turns green on the board and its reminders stop', async () => {
    await h.advance(68 * HOUR);
    expect(gdpr(h.dmTexts('UBOB'))).toHaveLength(1);
    expect(await say('submitted gdpr:supervisory_authority DPC-2026-0042', 'UBOB')).toContain('Recorded `gdpr:supervisory_authority` as submitted (reference DPC-2026-0042)');
    await h.settle();
    expect(reminderJobs().filter((j) => j.payload.stageId === 'supervisory_authority')).toHaveLength(0);
    await h.advance(10 * HOUR);
    expect(gdpr(h.dmTexts('UBOB'))).toHaveLength(1);
    expect(gdpr(h.slack.messages(h.managersId).map((m) => m.text))).toHaveLength(0);
    const board = h.board(channel);
    expect(board).toContain(':large_green_circle: *supervisory_authority*');
    expect(board).toContain('*submitted* <!date^');
    expect(board).toContain('reference DPC-2026-0042');
    expect(h.slack.messages(channel).some((m) => m.text.includes('<@UBOB> recorded *GDPR personal data breach notification (Arts 33-34) · supervisory_authority* as *submitted*'))).toBe(true);
  });

  it('when the incident resolves, then the legal reminders continue; once closed, they stop', async () => {
    await say('resolve');
    await h.advance(68 * HOUR);
    expect(gdpr(h.dmTexts('UBOB'))).toHaveLength(1);
    await say('close');
    await h.advance(10 * HOUR);
    expect(gdpr(h.dmTexts('UBOB'))).toHaveLength(1);
  });

  it('when the event is corrected, then the reminders are rescheduled from the new time', async () => {
    await say('clock became_aware 2026-11-22T05:00:00Z', 'UBOB');
    // Due now 2026-11-25T05:00Z: the 4 h reminder falls at 01:00Z, 64 h after the start of the test.
    await h.advance(64 * HOUR);
    expect(gdpr(h.dmTexts('UBOB'))).toHaveLength(1);
    expect(gdpr(h.dmTexts('UBOB'))[0]).toContain('(2026-11-25 06:00 +01:00 Europe/Brussels): 4h left');
  });

  it('when Warden was down past several reminders, then one reminder speaks for the missed ones', async () => {
    // The internal 24 h target of processor_to_controller: reminders at 20 h, 24 h, 25 h and 26 h.
    await h.advance(30 * HOUR);
    const internal = h.dmTexts('UBOB').filter((t) => t.includes('processor_to_controller'));
    expect(internal).toHaveLength(1);
    expect(internal[0]).toContain('is *overdue*: overdue by 6h');
    expect(internal[0]).toContain('(an internal target, not a legal deadline)');
  });
});

describe('deciding a stage is not notifiable', () => {
  it('when someone other than an approver (here: the commander) tries, then it is refused, audited, and nothing changes', async () => {
    const answer = await say('notnotifiable gdpr:supervisory_authority Encrypted laptop, key safe', 'UALICE');
    expect(answer).toContain('Only a Warden approver (<@ULEGAL01>) may record that a notification is not required.');
    expect(reminderJobs().some((j) => j.payload.stageId === 'supervisory_authority')).toBe(true);
    const denied = h.warden.store.audit.forIncident('INC-2026-0001').filter((e) => e.action === 'access.denied');
    expect(denied.map((e) => [e.actor, e.details.permission])).toEqual([['UALICE', '/incident notnotifiable']]);
  });

  it('when the approver records it with a rationale, then its reminders stop and the board says so', async () => {
    expect(await say('notnotifiable gdpr:supervisory_authority Encrypted laptop; the key was not compromised', 'ULEGAL01')).toContain('Recorded `gdpr:supervisory_authority` as not notifiable');
    await h.settle();
    expect(reminderJobs().filter((j) => j.payload.stageId === 'supervisory_authority')).toHaveLength(0);
    expect(h.board(channel)).toContain('Not notifiable: Encrypted laptop; the key was not compromised');
    await h.advance(80 * HOUR);
    expect(gdpr(h.dmTexts('UBOB'))).toHaveLength(0);
  });

  it('when the rationale is missing or the stage unknown, then a clear error', async () => {
    expect(await say('notnotifiable gdpr:supervisory_authority', 'ULEGAL01')).toContain('Give the rationale');
    expect(await say('notnotifiable gdpr:nope Because', 'ULEGAL01')).toContain('No stage `gdpr:nope` on this incident. Stages of this incident: gdpr:processor_to_controller');
  });

  it('when the board button is used, then a non-approver is told no and the approver gets a form that records it', async () => {
    const board = h.slack.messages(channel).find((m) => m.text.startsWith('Legal clocks of'))!;
    const value = 'INC-2026-0001|gdpr:supervisory_authority';
    const click = (userId: string, id: string) =>
      h.action({ actionId: 'clocks.not_notifiable', value, userId, channelId: channel, messageTs: board.ts, responseUrl: h.slack.responseUrl(id, { channelId: channel, userId }) });
    await click('UBOB', 'nn-bob');
    const refusal = await eventually(() => h.slack.calls('response_url').find((c) => c.responseUrlId === 'nn-bob'));
    expect(refusal.args.text).toContain('Only a Warden approver (<@ULEGAL01>)');
    expect(h.slack.calls('views.open')).toHaveLength(0);
    await click('ULEGAL01', 'nn-legal');
    const modal = (await eventually(() => h.slack.calls('views.open')[0])).args.view as { callback_id: string; private_metadata: string };
    expect(modal.callback_id).toBe('clocks.not_notifiable_reason');
    const res = await h.submit({ callbackId: modal.callback_id, privateMetadata: modal.private_metadata, values: { reason: { reason: { type: 'plain_text_input', value: 'Only test accounts affected' } } }, userId: 'ULEGAL01' });
    expect(res.status).toBe(200);
    await h.settle();
    expect(h.board(channel)).toContain('Not notifiable: Only test accounts affected');
  });
});

describe('reminders in a drill', () => {
  it('when a drill incident runs its clocks, then every reminder and escalation says it is a drill', async () => {
    await h.stop();
    h = await startClockHarness({ notifications: { reminderLeadTimes: ['4h', 0], afterDueEvery: '1h', afterDueMax: 2 } });
    await h.incident('declare sev2 --drill Tabletop: bucket exposed');
    await h.settle();
    channel = h.incidentChannel();
    await say('clock became_aware');
    await say('regime add gdpr');
    await h.settle();
    await h.advance(73 * HOUR);
    const dms = gdpr(h.dmTexts('UALICE'));
    expect(dms.length).toBeGreaterThan(0);
    expect(dms.every((t) => t.startsWith(':performing_arts: *DRILL, not a real incident.*'))).toBe(true);
    const [escalation] = gdpr(h.slack.messages(h.managersId).map((m) => m.text));
    expect(escalation).toMatch(/^:performing_arts: \*DRILL, not a real incident\.\* :red_circle:/);
  });
});

