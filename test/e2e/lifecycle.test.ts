import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditReport } from '../support/audit-report.js';
import { replyText, startHarness, type Harness } from '../support/warden-harness.js';
import { pinAddedEvent, reactionAddedEvent, appHomeOpenedEvent } from '../support/slack-requests.js';

let h: Harness;
let channel: string;
const MIN = 60_000;

beforeEach(async () => {
  h = await startHarness();
  await h.incident('declare sev1 Payments API down');
  await h.settle();
  channel = h.incidentChannel();
});
afterEach(async () => {
  await h.stop();
});

const inChannel = (text: string, user = 'UALICE') => h.incident(text, { channel, user });
const texts = (ch: string) => h.slack.messages(ch).map((m) => m.text);
const thread = () => {
  const [announcement] = h.slack.messages(h.announcementsId);
  return h.slack.messages(h.announcementsId).filter((m) => m.thread_ts === announcement?.ts && m.ts !== announcement?.ts);
};

describe('running an incident in its channel', () => {
  it('when a role is given, then it is announced and the person gets a DM with the duties', async () => {
    const res = await inChannel('role comms <@UBOB|bob>');
    expect(replyText(res.body)).toContain('Role *comms* assigned');
    await h.settle();
    expect(texts(channel).some((t) => t.includes('<@UBOB> is now *comms*'))).toBe(true);
    const dm = h.slack.calls('chat.postMessage').find((c) => String(c.args.text).includes('You are now *comms*'));
    expect(dm?.args.text).toContain('Communications lead');
    const card = h.slack.calls('chat.update').at(-1);
    expect(JSON.stringify(card?.args.blocks)).toContain('*comms*: <@UBOB>');
  });

  it('when an update is posted, then it goes to the channel and the announcement thread, escaped', async () => {
    await inChannel('update Rolled back deploy; <!here> errors falling');
    await h.settle();
    expect(texts(channel).some((t) => t.includes('*Status update* (sev1, investigating)\nRolled back deploy; &lt;!here&gt; errors falling'))).toBe(true);
    expect(thread().map((m) => m.text).join('\n')).toContain('Rolled back deploy');
  });

  it('when the status moves through the table, then each move is posted; a refused move says which are allowed', async () => {
    expect(replyText((await inChannel('status identified')).body)).toContain('now *identified*');
    const refused = await inChannel('status closed');
    expect(replyText(refused.body)).toContain('cannot move from *identified* to *closed*');
    expect(replyText(refused.body)).toContain('Allowed from *identified*: investigating, monitoring, resolved');
    await h.settle();
    expect(thread().some((m) => m.text.includes('from investigating to *identified*'))).toBe(true);
  });

  it('when status or sev get extra words, then they are refused instead of silently dropped, and a long unknown word is cut', async () => {
    expect(replyText((await inChannel('status resolved because it works now')).body)).toContain('That takes one word.');
    expect(replyText((await inChannel('sev sev2 please')).body)).toContain('That takes one word.');
    expect(h.warden.store.incidents.byChannel(channel)).toMatchObject({ status: 'investigating', severity: 'sev1' });
    const long = String(((await inChannel(`sev ${'x'.repeat(500)}`)).body as { text: string }).text);
    expect(long).toContain('Unknown severity');
    expect(long.length).toBeLessThan(200);
  });

  it('when the severity changes, then it is announced and the card shows it', async () => {
    await inChannel('sev sev2');
    await h.settle();
    expect(thread().some((m) => m.text.includes('from sev1 to *sev2*'))).toBe(true);
    expect(JSON.stringify(h.slack.calls('chat.update').at(-1)?.args.blocks)).toContain('*Severity*\\nsev2');
  });

  it('when nobody posts an update, then the commander is reminded at the severity cadence until the incident resolves', async () => {
    await h.advance(29 * MIN);
    expect(texts(channel).filter((t) => t.includes(':alarm_clock:'))).toHaveLength(0);
    await h.advance(1 * MIN);
    expect(texts(channel).filter((t) => t.includes(':alarm_clock: <@UALICE>, it has been 30m'))).toHaveLength(1);
    await inChannel('update Still investigating');
    await h.advance(20 * MIN);
    expect(texts(channel).filter((t) => t.includes(':alarm_clock:'))).toHaveLength(1);
    await h.advance(10 * MIN);
    expect(texts(channel).filter((t) => t.includes(':alarm_clock:'))).toHaveLength(2);
    await inChannel('resolve');
    await h.advance(5 * 60 * MIN);
    expect(texts(channel).filter((t) => t.includes(':alarm_clock:'))).toHaveLength(2);
  });

  it('when someone other than the commander closes, then it is refused; the commander can close a resolved incident', async () => {
    await inChannel('resolve');
    expect(replyText((await inChannel('close', 'UBOB')).body)).toContain('Only the commander (<@UALICE>)');
    expect(replyText((await inChannel('close')).body)).toContain('now *closed*');
    expect(replyText((await inChannel('status investigating')).body)).toContain('A closed incident is final');
  });

  it('when a message is pinned or reacted with :pushpin:, then it lands in the timeline once, at the message time', async () => {
    const msg = h.slack.addUserMessage(channel, 'UBOB', 'Found the bad config push at 08:52');
    await h.event(reactionAddedEvent({ userId: 'UBOB', channelId: channel, messageTs: msg.ts, reaction: 'pushpin' }), 'Ev1');
    await h.event(pinAddedEvent({ userId: 'UALICE', channelId: channel, messageTs: msg.ts, text: msg.text }), 'Ev2');
    await h.event(pinAddedEvent({ userId: 'UALICE', channelId: channel, messageTs: msg.ts, text: msg.text }), 'Ev2', { retryNum: 1 });
    await new Promise((r) => setTimeout(r, 50));
    const id = h.warden.store.incidents.byChannel(channel)!.id;
    const pinned = h.warden.store.timeline.list(id).filter((e) => e.kind === 'pinned');
    expect(pinned).toHaveLength(1);
    expect(pinned[0]?.text).toBe('Found the bad config push at 08:52');
    expect(pinned[0]?.at.getTime()).toBe(Math.round(Number(msg.ts) * 1000));
  });

  it('when a reply in a thread is reacted with :pushpin:, then the reply (not its parent) lands in the timeline, its Slack escaping decoded once', async () => {
    const parent = h.slack.addUserMessage(channel, 'UALICE', 'What changed at 08:50?');
    // The stand-in stores it escaped, as Slack does: "Rollback done &amp; &lt;verified&gt;".
    const reply = h.slack.addUserMessage(channel, 'UBOB', 'Rollback done & <verified>', parent.ts);
    expect(reply.text).toBe('Rollback done &amp; &lt;verified&gt;');
    await h.event(reactionAddedEvent({ userId: 'UCAROL', channelId: channel, messageTs: reply.ts, reaction: 'pushpin' }), 'EvThread1');
    const id = h.warden.store.incidents.byChannel(channel)!.id;
    const pinned = h.warden.store.timeline.list(id).filter((e) => e.kind === 'pinned');
    expect(pinned.map((e) => e.text)).toEqual(['Rollback done & <verified>']);
    expect(pinned[0]?.at.getTime()).toBe(Math.round(Number(reply.ts) * 1000));
  });

  it('when the incident is closed, then a later pin does not change its timeline', async () => {
    await inChannel('resolve');
    await inChannel('close');
    const msg = h.slack.addUserMessage(channel, 'UBOB', 'Late afterthought');
    await h.event(pinAddedEvent({ userId: 'UBOB', channelId: channel, messageTs: msg.ts, text: msg.text }), 'EvLate');
    await new Promise((r) => setTimeout(r, 50));
    const id = h.warden.store.incidents.byChannel(channel)!.id;
    expect(h.warden.store.timeline.list(id).filter((e) => e.kind === 'pinned')).toHaveLength(0);
  });

  it('when a user opens App Home, then they see their incidents and roles', async () => {
    await h.event(appHomeOpenedEvent({ userId: 'UALICE' }), 'EvHome');
    await new Promise((r) => setTimeout(r, 50));
    const published = h.slack.calls('views.publish').at(-1);
    expect(published?.args.user_id).toBe('UALICE');
    expect(JSON.stringify(published?.args.view)).toContain('Your role: *commander*');
  });

  it('keeps every change in the timeline and in an audit chain that verifies', async () => {
    await inChannel('role scribe <@UCAROL>');
    await inChannel('note Customer support informed');
    await inChannel('resolve');
    const id = h.warden.store.incidents.byChannel(channel)!.id;
    const kinds = h.warden.store.timeline.list(id).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['declared', 'role_assigned', 'note', 'status_changed']));
    expect((await auditReport(h.db)).problems).toEqual([]);
    expect(h.warden.store.audit.forIncident(id).map((e) => e.action)).toEqual(
      expect.arrayContaining(['incident.declared', 'incident.role_assigned', 'incident.note_added', 'incident.status_changed']),
    );
  });

  it('answers list and help anywhere', async () => {
    expect(replyText((await h.incident('list')).body)).toContain('INC-2026-0001');
    const help = replyText((await h.incident('help')).body);
    for (const verb of ['declare', 'list', 'status', 'sev', 'role', 'update', 'note', 'resolve', 'close']) expect(help).toContain(`/incident ${verb}`);
  });
});

describe('App Home refreshes', () => {
  it('refresh each person on their own, so one inactive account does not stop the others', async () => {
    await inChannel('role comms <@UBOB|bob>');
    await h.settle();
    h.slack.failNext('views.publish', 'account_inactive', 1);
    await inChannel('role comms <@UCAROL|carol>');
    await h.settle();
    const published = h.slack.calls('views.publish').filter((c) => c.ok).map((c) => c.args.user_id);
    expect(published.at(-1)).toBe('UBOB');
    expect(h.warden.store.jobs.failedCount()).toBe(1);
  });
});
