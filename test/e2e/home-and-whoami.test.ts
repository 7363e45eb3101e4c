import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appHomeOpenedEvent } from '../support/slack-requests.js';
import { replyText, startHarness, type Harness } from '../support/warden-harness.js';

let h: Harness;
afterEach(async () => {
  await h.stop();
});

/** Alice declares 25 incidents and Bob 5 (INC-2026-0026 to -0030), a minute apart; Carol is scribe of INC-2026-0002. */
beforeEach(async () => {
  h = await startHarness();
  for (let n = 1; n <= 30; n++) {
    await h.incident(`declare sev3 Reads incident number ${n}`, { user: n <= 25 ? 'UALICE' : 'UBOB' });
    h.clock.advance(60_000);
  }
  h.warden.store.incidents.setRole('INC-2026-0002', 'scribe', 'UCAROL', 'UALICE', h.clock.now());
});

interface HomeView {
  blocks: { type: string; text?: { text?: string }; elements?: { text?: string }[] }[];
}

/** App Home as `user` last had it published, split at its divider into their list and the others. */
async function homeOf(user: string, eventId: string): Promise<{ mine: string[]; others: string[]; text: string }> {
  await h.event(appHomeOpenedEvent({ userId: user }), eventId);
  const view = h.slack.calls('views.publish').filter((c) => c.args.user_id === user).at(-1)?.args.view as unknown as HomeView;
  const cut = view.blocks.findIndex((b) => b.type === 'divider');
  const idsIn = (blocks: HomeView['blocks']) => blocks.flatMap((b) => [...(b.text?.text ?? '').matchAll(/\*(INC-2026-\d{4})\*/g)].map((m) => m[1] as string));
  return { mine: idsIn(view.blocks.slice(0, cut)), others: idsIn(view.blocks.slice(cut)), text: JSON.stringify(view) };
}

const inc = (n: number) => `INC-2026-${String(n).padStart(4, '0')}`;

describe('App Home lists', () => {
  it('when the viewer holds roles in 25 open incidents, then it shows their newest 20 with a pointer to the rest, and the others without theirs', async () => {
    const home = await homeOf('UALICE', 'EvHomeAlice1');
    expect(home.mine).toEqual(Array.from({ length: 20 }, (_, i) => inc(25 - i)));
    expect(home.text).toContain('…and more of yours: `/incident list`.');
    expect(home.others).toEqual([inc(30), inc(29), inc(28), inc(27), inc(26)]);
    expect(home.text).toContain('Your role: *commander*');
  });

  it('when a viewer holds one role, then that incident is theirs, not among the others; closed ones leave both lists', async () => {
    h.warden.store.incidents.update('INC-2026-0030', { status: 'closed' });
    const home = await homeOf('UCAROL', 'EvHomeCarol1');
    expect(home.mine).toEqual([inc(2)]);
    expect(home.text).toContain('Your role: *scribe*');
    expect(home.others).toHaveLength(20);
    expect(home.others[0]).toBe(inc(29));
    expect(home.others).not.toContain(inc(2));
    expect(home.text).toContain('…and more: `/incident list`.');
  });
});

describe('/warden whoami', () => {
  it('when the person holds roles in 25 open incidents, then it names the newest 20 and says there are more', async () => {
    const answer = replyText((await h.command('/warden', 'whoami', { user: 'UALICE' })).body);
    expect(answer).toContain(`Roles in open incidents: ${inc(25)} commander, ${inc(24)} commander`);
    expect(answer).toContain(`${inc(6)} commander …and more (App Home lists your incidents).`);
    expect(answer).not.toContain(inc(5));
  });

  it('when the person holds one role, then it is named alone', async () => {
    expect(replyText((await h.command('/warden', 'whoami', { user: 'UCAROL' })).body)).toContain(`Roles in open incidents: ${inc(2)} scribe.`);
  });
});
