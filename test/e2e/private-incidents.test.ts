import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appHomeOpenedEvent, plainTextValue, staticSelectValue } from '../support/slack-requests.js';
import { replyText, startHarness, type Harness } from '../support/warden-harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.stop();
});

const TITLE = 'Payroll export leaked to vendor';

/** Alice declares a private incident and Warden sets it up; returns its channel. */
async function declarePrivate(text = `declare sev1 --private ${TITLE}`): Promise<string> {
  const res = await h.incident(text, { user: 'UALICE' });
  expect(replyText(res.body)).toContain('private: only its members see it');
  await h.settle();
  return h.incidentChannel();
}

/** What App Home showed `user`, after they opened it. */
async function homeOf(user: string, eventId: string): Promise<string> {
  await h.event(appHomeOpenedEvent({ userId: user }), eventId);
  const published = h.slack.calls('views.publish').filter((c) => c.args.user_id === user).at(-1);
  return JSON.stringify(published?.args.view);
}

describe('a private incident', () => {
  it('when declared with --private, then its channel is private and named by number, never by title', async () => {
    const channel = await declarePrivate();
    const [create] = h.slack.calls('conversations.create');
    expect(create?.args).toMatchObject({ name: 'inc-2026-0001', is_private: 'true' });
    expect(JSON.stringify(create?.args)).not.toMatch(/payroll/i);
    expect(h.slack.channels().find((c) => c.id === channel)).toMatchObject({ isPrivate: true, name: 'inc-2026-0001' });
    expect(h.warden.store.incidents.get('INC-2026-0001')).toMatchObject({ private: true, channelName: 'inc-2026-0001' });
  });

  it('when announced, then the announcements channel learns only that a private incident was declared, and by whom', async () => {
    await declarePrivate();
    const [announced] = h.slack.messages(h.announcementsId);
    expect(announced?.text).toBe(':lock: A private incident, *INC-2026-0001* (sev1), was declared by <@UALICE>.');
    const everything = JSON.stringify(h.slack.messages(h.announcementsId));
    expect(everything).not.toMatch(/payroll/i);
    expect(everything).not.toContain('inc-2026-0001');
    expect(everything).not.toContain('<#');
  });

  it('when a member lists incidents, then they see it marked :lock:; a non-member does not see it at all', async () => {
    await declarePrivate();
    await h.incident('declare sev3 Status page slow', { user: 'UBOB' });
    const member = replyText((await h.incident('list', { user: 'UALICE' })).body);
    expect(member).toContain(`:lock: *INC-2026-0001*`);
    expect(member).toContain(TITLE);
    const outsider = replyText((await h.incident('list', { user: 'UCAROL' })).body);
    expect(outsider).not.toContain('INC-2026-0001');
    expect(outsider).not.toMatch(/payroll/i);
    expect(outsider).toContain('INC-2026-0002');
  });

  it('when a member opens App Home, then it is there; a non-member’s App Home does not show it', async () => {
    await declarePrivate();
    const member = await homeOf('UALICE', 'EvHomeAlice');
    expect(member).toContain(':lock: *INC-2026-0001*');
    expect(member).toContain(TITLE);
    const outsider = await homeOf('UCAROL', 'EvHomeCarol');
    expect(outsider).not.toContain('INC-2026-0001');
    expect(outsider).not.toMatch(/payroll/i);
    expect(outsider).toContain('No other open incident you may see.');
  });

  it('when someone joins its channel, then they become a member and see it; when they leave, it is gone again', async () => {
    const channel = await declarePrivate();
    expect(h.warden.store.incidents.isMember('INC-2026-0001', 'UBOB')).toBe(false);
    await h.event(h.slack.joinChannel(channel, 'UBOB'), 'EvJoinBob');
    await h.settle();
    expect(h.warden.store.incidents.isMember('INC-2026-0001', 'UBOB')).toBe(true);
    // Their App Home is refreshed at once with the incident they can now see.
    expect(JSON.stringify(h.slack.calls('views.publish').filter((c) => c.args.user_id === 'UBOB').at(-1)?.args.view)).toContain(TITLE);
    expect(replyText((await h.incident('list', { user: 'UBOB' })).body)).toContain('INC-2026-0001');

    await h.event(h.slack.leaveChannel(channel, 'UBOB'), 'EvLeaveBob');
    await h.settle();
    expect(h.warden.store.incidents.isMember('INC-2026-0001', 'UBOB')).toBe(false);
    expect(replyText((await h.incident('list', { user: 'UBOB' })).body)).not.toContain('INC-2026-0001');
  });

  it('when a role is given, then its holder is a member; the declarer and the invited are members from the start', async () => {
    const channel = await declarePrivate();
    expect(h.warden.store.incidents.membersOf('INC-2026-0001')).toEqual(['UALICE']);
    await h.incident('role scribe <@UCAROL>', { user: 'UALICE', channel });
    expect(h.warden.store.incidents.isMember('INC-2026-0001', 'UCAROL')).toBe(true);
    expect(replyText((await h.incident('list', { user: 'UCAROL' })).body)).toContain('INC-2026-0001');
  });

  it('when an update is posted, then it stays in the private channel; only status changes, without text, reach the announcement thread', async () => {
    const channel = await declarePrivate();
    await h.incident('update Vendor confirmed deletion of the payroll file', { user: 'UALICE', channel });
    await h.incident('sev sev2', { user: 'UALICE', channel });
    await h.incident('status identified', { user: 'UALICE', channel });
    await h.settle();
    const thread = h.slack.messages(h.announcementsId).slice(1);
    expect(thread.map((m) => m.text)).toEqual([':dart: identified <@UALICE> moved *INC-2026-0001* from investigating to *identified*.']);
    expect(h.slack.messages(channel).some((m) => m.text.includes('Vendor confirmed deletion'))).toBe(true);
  });

  it('when the declare form has Private ticked, then the incident is private whatever its type', async () => {
    const values = {
      title: { title: plainTextValue('Suspicious badge use') },
      severity: { severity: staticSelectValue('sev2') },
      type: { type: staticSelectValue('outage') },
      visibility: { visibility: { type: 'checkboxes', selected_options: [{ text: { type: 'plain_text', text: 'Private incident' }, value: 'private' }] } },
    };
    await h.submit({ callbackId: 'incident.declare', privateMetadata: '', values, userId: 'UALICE', viewId: 'VPRIV' });
    await h.settle();
    expect(h.warden.store.incidents.get('INC-2026-0001')).toMatchObject({ private: true, type: 'outage' });
    expect(h.slack.calls('conversations.create')[0]?.args).toMatchObject({ name: 'inc-2026-0001', is_private: 'true' });
  });

  it('when the declare form opens, then it has the Private box and says which types are private anyway', async () => {
    await h.stop();
    h = await startHarness({ config: { incidents: { privateTypes: ['privacy'] } } });
    await h.incident('declare');
    const view = JSON.stringify(h.slack.calls('views.open')[0]?.args.view);
    expect(view).toContain('Private incident');
    expect(view).toContain('Left empty, privacy incidents are private anyway');
  });
});

describe('private by type (warden.yaml incidents.privateTypes)', () => {
  beforeEach(async () => {
    await h.stop();
    h = await startHarness({ config: { incidents: { privateTypes: ['privacy', 'security'] } } });
  });

  it('when a privacy incident is declared, then it is private without --private', async () => {
    await h.incident('declare sev2 --type privacy Customer list emailed to wrong person');
    await h.settle();
    expect(h.slack.calls('conversations.create')[0]?.args).toMatchObject({ name: 'inc-2026-0001', is_private: 'true' });
  });

  it('when an outage is declared, then it stays public, named by its title', async () => {
    await h.incident('declare sev2 --type outage Checkout down');
    await h.settle();
    const [create] = h.slack.calls('conversations.create');
    expect(create?.args.name).toBe('inc-20261122-checkout-down');
    expect(create?.args).not.toHaveProperty('is_private');
  });

  it('when a security incident is declared with --public, then it is public', async () => {
    const res = await h.incident('declare sev2 --public Phishing wave, warn everyone');
    await h.settle();
    expect(replyText(res.body)).toContain('(sev2, security)');
    expect(h.slack.messages(h.announcementsId)[0]?.text).toContain('declared: Phishing wave, warn everyone');
  });

  it('when both --private and --public are given, then nothing is declared and the reply says why', async () => {
    const res = await h.incident('declare sev2 --private --public Confused');
    expect(replyText(res.body)).toContain('either `--private` or `--public`');
    expect(h.warden.store.incidents.listOpen()).toHaveLength(0);
  });
});
