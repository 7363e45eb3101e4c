import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { replyText, startHarness, type Harness } from '../support/warden-harness.js';

let h: Harness;
let channel: string;
afterEach(async () => {
  await h.stop();
});

async function declare(text: string, config = {}): Promise<void> {
  h = await startHarness({ config });
  await h.incident(text, { user: 'UALICE' });
  await h.settle();
  channel = h.incidentChannel();
}

const inChannel = async (text: string, user = 'UALICE') => {
  const res = await h.incident(text, { user, channel });
  await h.settle();
  return replyText(res.body);
};

describe('/incident visibility public (a private incident made public)', () => {
  beforeEach(() => declare('declare sev1 --private Payroll export leaked to vendor', { permissions: { admins: ['UADMIN1'] } }));

  it('when the commander makes it public, then it is listed for everyone and announced with its title; the channel stays private', async () => {
    const answer = await inChannel('visibility public');
    expect(answer).toContain('INC-2026-0001 is now *public*');
    expect(answer).toContain('Slack gives apps no way to make a private channel public');
    expect(h.warden.store.incidents.get('INC-2026-0001')?.private).toBe(false);
    expect(replyText((await h.incident('list', { user: 'UCAROL' })).body)).toContain('Payroll export leaked to vendor');
    const [, announced] = h.slack.messages(h.announcementsId);
    expect(announced?.text).toContain('*INC-2026-0001* (sev1) declared: Payroll export leaked to vendor.');
    expect(announced?.text).toContain('stays private: ask <@UALICE> to invite you');
    expect(h.slack.channels().find((c) => c.id === channel)?.isPrivate).toBe(true);
  });

  it('when made public, then updates go to the new announcement’s thread, text included', async () => {
    await inChannel('visibility public');
    await inChannel('update Vendor confirmed deletion');
    const [, announced, threaded] = h.slack.messages(h.announcementsId);
    expect(threaded).toMatchObject({ thread_ts: announced?.ts });
    expect(threaded?.text).toContain('Vendor confirmed deletion');
  });

  it('when made public, then the timeline and the audit chain record who did it', async () => {
    await inChannel('visibility public');
    const entry = h.warden.store.timeline.list('INC-2026-0001').find((e) => e.kind === 'visibility_changed');
    expect(entry).toMatchObject({ actor: 'UALICE', text: 'Visibility private → public', data: { from: 'private', to: 'public', channelStaysPrivate: true } });
    expect(h.warden.store.audit.forIncident('INC-2026-0001').map((a) => a.action)).toContain('incident.visibility_changed');
  });

  it('when someone who is not the commander asks, then it is refused naming who may, and nothing changes', async () => {
    await h.event(h.slack.joinChannel(channel, 'UBOB'), 'EvJoinBob');
    const answer = await inChannel('visibility public', 'UBOB');
    expect(answer).toContain(':no_entry: Only the commander (<@UALICE>) or a Warden admin (<@UADMIN1>) may make a private incident public.');
    expect(h.warden.store.incidents.get('INC-2026-0001')?.private).toBe(true);
    expect(h.slack.messages(h.announcementsId)).toHaveLength(1);
  });

  it('when a Warden admin asks, then it is made public', async () => {
    expect(await inChannel('visibility public', 'UADMIN1')).toContain('is now *public*');
  });

  it('when asked with no word, then it says what it is', async () => {
    expect(await inChannel('visibility')).toContain('*INC-2026-0001* is *private*');
  });
});

describe('/incident visibility private (a public incident)', () => {
  beforeEach(() => declare('declare sev2 --type outage Checkout down'));

  it('when asked once the channel exists, then it is refused with the reason and nothing changes', async () => {
    const answer = await inChannel('visibility private');
    expect(answer).toContain('INC-2026-0001 cannot become private');
    expect(answer).toContain('Slack does not let an app make a public channel private');
    expect(answer).toContain('/incident declare --private');
    expect(h.warden.store.incidents.get('INC-2026-0001')?.private).toBe(false);
  });

  it.each([
    ['visibility sideways', 'Unknown visibility `sideways`. Use one of: public, private.'],
    ['visibility public now', 'That takes one word.'],
    ['visibility public', 'INC-2026-0001 is already public.'],
  ])('when the text is %j, then the reply says %j', async (text, expected) => {
    expect(await inChannel(text)).toContain(expected);
  });

  it('when used outside an incident channel, then it says where it works', async () => {
    const res = await h.incident('visibility public', { user: 'UALICE' });
    expect(replyText(res.body)).toContain('works inside an incident channel');
  });
});
