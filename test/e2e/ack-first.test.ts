import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeStepRef } from '../../src/features/playbooks/slack/blocks/playbook-text.js';
import { startFullHarness } from '../support/full-harness.js';
import { sendBlockAction, sendSlashCommand, sendViewSubmission, plainTextValue, type SlackReply } from '../support/slack-requests.js';
import { SIGNING_SECRET, type Harness } from '../support/warden-harness.js';

/** Slack gives up on an ack after 3 s and retries; Warden must answer well before, whatever Slack's own latency. */
const ACK_BUDGET_MS = 1_000;
const SLOW_SLACK_MS = 3_500;

let h: Harness;
let channel: string;
let incidentId: string;

beforeEach(async () => {
  h = await startFullHarness();
  await h.incident('declare sev2 --type outage Checkout down');
  await h.settle();
  channel = h.incidentChannel();
  incidentId = h.warden.store.incidents.listOpen()[0]?.id as string;
  h.slack.delay('*', SLOW_SLACK_MS);
});

afterEach(async () => {
  h.slack.clearDelay();
  await h.settle();
  await h.stop();
});

const command = (text: string, user = 'UALICE') =>
  sendSlashCommand(h.url, SIGNING_SECRET, { command: '/incident', text, userId: user, channelId: channel, triggerId: h.slack.triggerId(user), responseUrl: h.slack.responseUrl(`ack-${text}`, { channelId: channel, userId: user }) });

const click = (actionId: string, stepId: string) =>
  sendBlockAction(h.url, SIGNING_SECRET, { actionId, value: encodeStepRef({ incidentId, stepId }), userId: 'UALICE', channelId: channel, messageTs: '1.0', triggerId: h.slack.triggerId('UALICE') });

function expectAcked(what: string, reply: SlackReply): void {
  expect(reply.status, what).toBe(200);
  expect(reply.elapsedMs, `${what} acked in ${Math.round(reply.elapsedMs)} ms`).toBeLessThan(ACK_BUDGET_MS);
}

describe('ack first, however slow Slack is', () => {
  it('when every Web API method takes 3.5 s, then every command is acknowledged in under 1 s, the Slack work follows, and nothing is applied twice', async () => {
    for (const text of ['declare', 'role scribe <@UBOB>', 'clock became_aware', 'notify customer-initial', 'update Still investigating', 'status identified']) {
      expectAcked(`/incident ${text}`, await command(text));
    }
    h.slack.clearDelay();
    await h.settle();
    const incident = h.warden.store.incidents.get(incidentId);
    expect(incident?.roles.scribe).toBe('UBOB');
    expect(incident?.status).toBe('identified');
    const timeline = h.warden.store.timeline.list(incidentId).map((e) => e.kind);
    expect(timeline.filter((k) => k === 'role_assigned')).toHaveLength(1);
    expect(timeline.filter((k) => k === 'update')).toHaveLength(1);
    expect(h.db.prepare("SELECT count(*) FROM clock_events WHERE event = 'became_aware'").pluck().get()).toBe(1);
    expect(h.warden.store.incidents.listOpen()).toHaveLength(1);
  });

  it('when every Web API method takes 3.5 s, then a button that opens a modal and a form submission are acknowledged in under 1 s', async () => {
    expectAcked('Skip button', await click('playbook.skip', 'recent-changes'));
    expectAcked('Assign button', await click('playbook.assign', 'confirm-impact'));
    const submitted = await sendViewSubmission(h.url, SIGNING_SECRET, {
      callbackId: 'playbook.skip_reason',
      privateMetadata: encodeStepRef({ incidentId, stepId: 'recent-changes' }),
      userId: 'UALICE',
      values: { reason: { reason_value: plainTextValue('Nothing shipped this week') } },
    });
    expectAcked('skip reason form', submitted);
    h.slack.clearDelay();
    await h.settle();
    const skipped = h.db.prepare("SELECT count(*) FROM timeline WHERE incident_id = ? AND text LIKE '%recent-changes%skipped%'").pluck().get(incidentId) as number;
    expect(skipped).toBeLessThanOrEqual(1);
    expect(h.db.prepare("SELECT status FROM playbook_steps WHERE incident_id = ? AND step_id = 'recent-changes'").pluck().get(incidentId)).toBe('skipped');
  });

  it('when Slack retries a command it thinks was not acknowledged, then the retry changes nothing', async () => {
    const triggerId = h.slack.triggerId('UALICE');
    const fields = { command: '/incident', text: 'update Rolled back', userId: 'UALICE', channelId: channel, triggerId };
    expectAcked('first delivery', await sendSlashCommand(h.url, SIGNING_SECRET, fields));
    expectAcked('retry', await sendSlashCommand(h.url, SIGNING_SECRET, fields, { retryNum: 1, retryReason: 'http_timeout' }));
    h.slack.clearDelay();
    await h.settle();
    const updates = h.warden.store.timeline.list(incidentId).filter((e) => e.kind === 'update');
    expect(updates).toHaveLength(1);
    expect(h.slack.messages(channel).filter((m) => m.text.includes('Rolled back'))).toHaveLength(1);
  });
});
