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

describe('/incident list, paged (20 a page, newest first, a "More" button)', () => {
  interface Reply {
    text?: string;
    blocks?: { type: string; text?: { text?: string }; elements?: { action_id?: string; value?: string }[] }[];
  }
  const ids = (r: Reply) => [...replyText(r).matchAll(/\*(INC-2026-\d{4})\*/g)].map((m) => m[1]);
  const moreValue = (r: Reply) => r.blocks?.find((b) => b.type === 'actions')?.elements?.find((e) => e.action_id === 'incident_list_more')?.value;
  let clicks = 0;

  /** Clicks "More" under `page` as `user`; returns what replaced the page in their ephemeral reply. */
  async function more(page: Reply, user: string, value = moreValue(page)): Promise<{ args: Reply & { replace_original?: boolean } }> {
    const id = `list-more-${++clicks}`;
    await h.action({ actionId: 'incident_list_more', value: value ?? '', userId: user, channelId: 'CGENERAL', messageTs: '1700000000.000100', responseUrl: h.slack.responseUrl(id, { channelId: 'CGENERAL', userId: user }) });
    const answer = h.slack.calls('response_url').filter((c) => c.responseUrlId === id).at(-1);
    if (!answer) throw new Error('no answer to the click');
    return answer as unknown as { args: Reply & { replace_original?: boolean } };
  }

  /** 45 incidents a minute apart: every fifth a private one of UBOB's (INC-2026-0005, -0010 ...), the third closed. */
  beforeEach(async () => {
    h = await startHarness({ config: {} });
    for (let n = 1; n <= 45; n++) {
      await h.incident(`declare sev3 ${n % 5 === 0 ? '--private ' : ''}Paging incident number ${n}`, { user: n % 5 === 0 ? 'UBOB' : 'UALICE' });
      h.clock.advance(60_000);
    }
    h.warden.db.prepare("UPDATE incidents SET status = 'closed' WHERE id = 'INC-2026-0003'").run();
  });

  const expected = (seeing: (n: number) => boolean) => Array.from({ length: 45 }, (_, i) => 45 - i).filter((n) => n !== 3 && seeing(n)).map((n) => `INC-2026-${String(n).padStart(4, '0')}`);

  it('when someone outside the private ones pages through, then each page has the next 20 newest, none private, and the last has no button', async () => {
    const first = (await h.incident('list', { user: 'UCAROL' })).body as Reply;
    const shown = expected((n) => n % 5 !== 0);
    expect(ids(first)).toEqual(shown.slice(0, 20));
    expect(replyText(first)).toContain('Open incidents, newest first (1–20)');
    const second = await more(first, 'UCAROL');
    expect(second.args.replace_original).toBe(true);
    expect(ids(second.args)).toEqual(shown.slice(20, 40));
    expect(shown).toHaveLength(35);
    expect(replyText(second.args)).toContain('(21–35)');
    expect(moreValue(second.args)).toBeUndefined();
    expect(JSON.stringify(second.args.blocks)).toContain('That is every open incident you may see.');
    expect(replyText(first) + replyText(second.args)).not.toMatch(/:lock:/);
  });

  it('when a member of the private ones pages through, then they are in their places, marked :lock:, and every open incident is shown once', async () => {
    const first = (await h.incident('list', { user: 'UBOB' })).body as Reply;
    const second = await more(first, 'UBOB');
    const third = await more(second.args, 'UBOB');
    expect([...ids(first), ...ids(second.args), ...ids(third.args)]).toEqual(expected(() => true));
    expect(ids(third.args)).toHaveLength(4);
    expect(replyText(first)).toContain(':lock: *INC-2026-0045*');
  });

  it('when someone else clicks a member’s "More", then the page is decided for who clicked: no private incident', async () => {
    const first = (await h.incident('list', { user: 'UBOB' })).body as Reply;
    const second = await more(first, 'UCAROL');
    expect(ids(second.args).length).toBeGreaterThan(0);
    expect(ids(second.args).every((id) => Number(id?.slice(-4)) % 5 !== 0)).toBe(true);
  });

  it('when the button carries something that is not a page, then the clicker is told to list again and nothing is shown', async () => {
    const answer = await more({}, 'UCAROL', '{"shown":"x"}');
    expect(answer.args.text).toContain('This button names no page of the incident list');
    expect(ids(answer.args)).toEqual([]);
  });
});
