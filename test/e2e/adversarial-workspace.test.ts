// Requests Slack signed for a workspace Warden is not installed in: refused before any handler runs (403),
// counted as foreign_workspace in /metrics, logged once with the ids (no secret), and nothing stored.
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { BOT_USER_ID, TEAM_ID } from '../support/slack-stand-in.js';
import {
  blockActionPayload, eventCallback, FORM, JSON_TYPE, postSigned, sendUrlVerification, slashCommandFields, viewSubmissionPayload,
} from '../support/slack-requests.js';
import { replyText, SIGNING_SECRET, startHarness, type Harness, type HarnessOptions } from '../support/warden-harness.js';
import { refusedCount } from '../support/refusal-count.js';

let h: Harness;
let lines: string[];
async function start(opts: HarnessOptions = {}) {
  lines = [];
  const logs = new Writable({ write: (chunk: Buffer, _encoding, done) => (lines.push(String(chunk)), done()) });
  h = await startHarness({ ...opts, logs });
}
afterEach(async () => {
  await h.stop();
});

const refused = (reason: string) => refusedCount(h.url, reason);
const refusals = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => String(l.msg).startsWith('refused a Slack request'));
const command = (text: string, fields: Record<string, string> = {}) =>
  new URLSearchParams({ ...slashCommandFields({ command: '/incident', text, userId: 'UALICE', channelId: 'CGENERAL' }), ...fields }).toString();
const interaction = (payload: Record<string, unknown>) => new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
const click = (overrides: Record<string, unknown>) =>
  interaction({ ...blockActionPayload({ actionId: 'test.click', value: 'x', userId: 'UALICE', channelId: 'CGENERAL', messageTs: '1.0' }), ...overrides });
const OTHER_TEAM = { team: { id: 'T0OTHER', domain: 'other' }, user: { id: 'UALICE', username: 'alice', name: 'alice', team_id: 'T0OTHER' } };

describe('requests for another workspace', () => {
  it('when a signed slash command names another team_id, then 403, foreign_workspace is counted and logged with the ids, and nothing is stored', async () => {
    await start();
    const res = await postSigned(h.url, SIGNING_SECRET, command('declare sev1 From elsewhere', { team_id: 'T0OTHER' }), FORM);
    expect(res.status).toBe(403);
    expect(await refused('foreign_workspace')).toBe(1);
    expect(refusals()).toEqual([expect.objectContaining({ level: 40, msg: 'refused a Slack request for another workspace', reason: 'foreign_workspace', team: 'T0OTHER', expectedTeam: TEAM_ID })]);
    expect(lines.join('\n')).not.toMatch(/elsewhere|stand-in-verification-token|v0=|test-signing-secret/);
    await h.settle();
    expect(h.warden.store.incidents.listOpen()).toHaveLength(0);
    expect(h.slack.calls('conversations.create')).toHaveLength(0);
  });

  it('when a slash command carries no team_id at all, then it is refused too', async () => {
    await start();
    const body = new URLSearchParams(command('list')).toString().replace(/(^|&)team_id=[^&]*/, '');
    expect((await postSigned(h.url, SIGNING_SECRET, body, FORM)).status).toBe(403);
    expect(await refused('foreign_workspace')).toBe(1);
  });

  it('when a click or a modal submission names another team (team.id, or user.team_id without team), then its handler never runs', async () => {
    await start();
    let runs = 0;
    h.warden.app.action('test.click', async ({ ack }) => {
      await ack();
      runs += 1;
    });
    const submission = viewSubmissionPayload({ callbackId: 'incident.declare', privateMetadata: '{}', values: {}, userId: 'UALICE' });
    expect((await postSigned(h.url, SIGNING_SECRET, click(OTHER_TEAM), FORM)).status).toBe(403);
    expect((await postSigned(h.url, SIGNING_SECRET, click({ team: null, user: OTHER_TEAM.user }), FORM)).status).toBe(403);
    expect((await postSigned(h.url, SIGNING_SECRET, interaction({ ...submission, ...OTHER_TEAM }), FORM)).status).toBe(403);
    expect((await postSigned(h.url, SIGNING_SECRET, click({}), FORM)).status).toBe(200);
    await h.settle();
    expect(runs).toBe(1);
    expect(await refused('foreign_workspace')).toBe(3);
  });

  it('when an event names another team in authorizations, then it is refused; the same event for this team is handled', async () => {
    await start();
    let mentions = 0;
    h.warden.app.event('app_mention', async () => {
      mentions += 1;
    });
    const event = { type: 'app_mention', user: 'UALICE', channel: 'CGENERAL', text: 'hi', ts: '1.0' };
    const foreign = { ...eventCallback(event), team_id: 'T0OTHER', authorizations: [{ enterprise_id: null, team_id: 'T0OTHER', user_id: BOT_USER_ID, is_bot: true, is_enterprise_install: false }] };
    expect((await postSigned(h.url, SIGNING_SECRET, JSON.stringify(foreign), JSON_TYPE)).status).toBe(403);
    expect((await postSigned(h.url, SIGNING_SECRET, JSON.stringify(eventCallback(event)), JSON_TYPE)).status).toBe(200);
    await h.settle();
    expect(mentions).toBe(1);
    expect(await refused('foreign_workspace')).toBe(1);
  });

  it('when Slack verifies the URL or checks SSL (bodies that name no team), then both still work', async () => {
    await start();
    const verification = await sendUrlVerification(h.url, SIGNING_SECRET, 'challenge-123');
    expect(verification).toMatchObject({ status: 200, body: { challenge: 'challenge-123' } });
    const ssl = await fetch(`${h.url}/slack/events`, { method: 'POST', headers: { 'Content-Type': FORM }, body: 'ssl_check=1&token=x' });
    expect(ssl.status).toBe(200);
    expect(await refused('foreign_workspace')).toBe(0);
  });
});

describe('where Warden learns its own workspace', () => {
  it('when SLACK_TEAM_ID is not set, then it asks auth.test at start-up and refuses other teams', async () => {
    await start({ workspace: 'auth.test' });
    expect(h.slack.calls('auth.test').length).toBeGreaterThan(0);
    expect((await postSigned(h.url, SIGNING_SECRET, command('list', { team_id: 'T0OTHER' }), FORM)).status).toBe(403);
    const own = await postSigned(h.url, SIGNING_SECRET, command('list'), FORM);
    expect(own.status).toBe(200);
    expect(replyText(own.body)).not.toBe('');
  });

  it('when the install is in an Enterprise Grid org, then another org is refused and an org-wide request from a sister workspace is not', async () => {
    await start({ workspace: { teamId: TEAM_ID, enterpriseId: 'E0WARDEN' }, slack: { enterpriseId: 'E0WARDEN' } });
    const otherOrg = command('list', { enterprise_id: 'E0OTHER' });
    const orgWide = command('list', { team_id: 'T0SISTER', enterprise_id: 'E0WARDEN', is_enterprise_install: 'true' });
    const sisterNotOrgWide = command('list', { team_id: 'T0SISTER', enterprise_id: 'E0WARDEN' });
    expect((await postSigned(h.url, SIGNING_SECRET, otherOrg, FORM)).status).toBe(403);
    expect((await postSigned(h.url, SIGNING_SECRET, sisterNotOrgWide, FORM)).status).toBe(403);
    expect((await postSigned(h.url, SIGNING_SECRET, orgWide, FORM)).status).toBe(200);
    expect((await postSigned(h.url, SIGNING_SECRET, command('list', { enterprise_id: 'E0WARDEN' }), FORM)).status).toBe(200);
    expect(await refused('foreign_workspace')).toBe(2);
  });
});
