import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { subteamMembersChangedEvent } from '../support/stand-ins/slack/requests/index.js';
import { startHarness, replyText, type Harness } from '../support/warden-harness.js';

// Warden admins are the members of the @sec-leads user group (S0SECLEAD); UCAROL is one, UBOB is not.
let h: Harness;
let channel: string;
const say = async (text: string, user: string) => replyText((await h.incident(text, { channel, user })).body);

beforeEach(async () => {
  h = await startHarness({ config: { permissions: { roles: { admin: { groups: ['S0SECLEAD'] } }, groupCacheTtl: '5m' } } });
  h.slack.setUsergroup('S0SECLEAD', ['UCAROL']);
  await h.incident('declare sev2 Customer export bucket public');
  await h.settle();
  channel = h.incidentChannel();
  await say('resolve', 'UALICE');
});
afterEach(async () => {
  await h.stop();
});

describe('Warden roles granted through Slack user groups', () => {
  it('when a member of the group acts, then the group grants the role; whoami says through which group', async () => {
    expect(await say('status investigating', 'UCAROL')).toContain('is now *investigating*');
    expect(await say('sev sev1', 'UBOB')).toContain('Only the commander (<@UALICE>) or a Warden admin (<!subteam^S0SECLEAD>) may change the severity.');
    const whoami = replyText((await h.command('/warden', 'whoami', { user: 'UCAROL' })).body);
    expect(whoami).toContain('Warden roles: admin (through <!subteam^S0SECLEAD>).');
  });

  it('when Slack says someone left the group, then their role is gone at once', async () => {
    await say('status investigating', 'UCAROL');
    h.slack.setUsergroup('S0SECLEAD', []);
    await h.event(subteamMembersChangedEvent({ subteamId: 'S0SECLEAD', removed: ['UCAROL'], at: h.clock.now() }));
    expect(await say('sev sev1', 'UCAROL')).toContain(':no_entry: Only the commander');
  });

  it('when members are read, then Slack is asked once per cache period, not per request', async () => {
    await say('status investigating', 'UCAROL');
    await say('update Still looking', 'UBOB');
    expect(h.slack.calls('usergroups.users.list')).toHaveLength(1);
    h.clock.advance(5 * 60_000);
    await say('update Still looking', 'UBOB');
    expect(h.slack.calls('usergroups.users.list')).toHaveLength(2);
  });

  it('when Slack cannot say who is in the group, then the group grants nothing and the refusal says so', async () => {
    h.clock.advance(5 * 60_000); // the members read at the start are no longer trusted
    h.slack.failNext('usergroups.users.list', 'fatal_error', 5);
    expect(await say('status investigating', 'UCAROL')).toContain('a Warden admin (<!subteam^S0SECLEAD> (unreadable right now))');
    const denied = h.warden.store.audit.forIncident('INC-2026-0001').filter((e) => e.action === 'access.denied');
    expect(denied.map((e) => e.actor)).toEqual(['UCAROL']);
    expect(h.warden.store.incidents.get('INC-2026-0001')?.status).toBe('resolved');
  });

  it('when a configured group no longer exists, then it grants nothing', async () => {
    h.slack.failNext('usergroups.users.list', 'no_such_subteam', 5);
    await h.event(subteamMembersChangedEvent({ subteamId: 'S0SECLEAD', removed: ['UCAROL'], at: h.clock.now() }));
    expect(await say('status investigating', 'UCAROL')).toContain(':no_entry:');
  });
});
