import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTriggerId } from '../support/slack-stand-in.js';
import { datetimeValue, forgedSignature, plainTextValue, sendSlashCommand, staleTimestamp, staticSelectValue } from '../support/slack-requests.js';
import { replyText, SIGNING_SECRET, startHarness, type Harness } from '../support/warden-harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.stop();
});

const declareValues = (title: string | null, severity: string | null, detectedAt: number | null = null) => ({
  title: { title: plainTextValue(title) },
  severity: { severity: staticSelectValue(severity) },
  type: { type: staticSelectValue('privacy') },
  detected_at: { detected_at: datetimeValue(detectedAt) },
});

describe('requests Slack did not sign', () => {
  const cmd = { command: '/incident', text: 'declare sev1 Forged', userId: 'UMALLORY', channelId: 'CGENERAL', triggerId: makeTriggerId('UMALLORY') };

  it('when the signature is forged, then 401 and nothing is stored', async () => {
    const res = await sendSlashCommand(h.url, SIGNING_SECRET, cmd, { signature: forgedSignature() });
    expect(res.status).toBe(401);
    expect(h.warden.store.incidents.listOpen()).toHaveLength(0);
  });

  it('when the timestamp is stale (a replay), then 401 and nothing is stored', async () => {
    const res = await sendSlashCommand(h.url, SIGNING_SECRET, cmd, { tsSeconds: staleTimestamp() });
    expect(res.status).toBe(401);
    expect(h.warden.store.incidents.listOpen()).toHaveLength(0);
  });

  it('when signed with another secret, then 401', async () => {
    expect((await sendSlashCommand(h.url, 'not-the-secret', cmd)).status).toBe(401);
  });
});

describe('the declare modal', () => {
  it('when /incident declare has no text, then the modal opens', async () => {
    const res = await h.incident('declare');
    expect(res.status).toBe(200);
    expect(h.slack.calls('views.open')[0]?.args.view).toMatchObject({ callback_id: 'incident.declare', type: 'modal' });
  });

  it('when the form is submitted, then the incident is declared with its type and detection time', async () => {
    const detected = Math.floor(Date.parse('2026-11-22T08:40:00Z') / 1000);
    const res = await h.submit({ callbackId: 'incident.declare', privateMetadata: '', values: declareValues('Customer export leaked', 'sev2', detected), userId: 'UBOB', viewId: 'VDECLARE1' });
    expect(res.status).toBe(200);
    await h.settle();
    const [incident] = h.warden.store.incidents.listOpen();
    expect(incident).toMatchObject({ title: 'Customer export leaked', severity: 'sev2', type: 'privacy', declaredBy: 'UBOB' });
    expect(incident?.detectedAt?.toISOString()).toBe('2026-11-22T08:40:00.000Z');
    expect(h.slack.channelByName('inc-20261122-customer-export-leaked')).toBeDefined();
  });

  it('when the title is empty or detection is in the future, then the errors land on those fields', async () => {
    const future = Math.floor(Date.parse('2026-11-23T09:00:00Z') / 1000);
    const res = await h.submit({ callbackId: 'incident.declare', privateMetadata: '', values: declareValues('  ', null, future), userId: 'UBOB' });
    expect(res.body).toEqual({
      response_action: 'errors',
      errors: { title: 'Give the incident a short title.', severity: 'Pick a severity.', detected_at: 'Detection cannot be in the future.' },
    });
    expect(h.warden.store.incidents.listOpen()).toHaveLength(0);
  });

  it('when the same view is submitted twice, then one incident exists', async () => {
    const s = { callbackId: 'incident.declare', privateMetadata: '', values: declareValues('Double submit', 'sev3'), userId: 'UBOB', viewId: 'VSAME' };
    await h.submit(s);
    await h.submit(s, { retryNum: 1 });
    await h.settle();
    expect(h.warden.store.incidents.listOpen()).toHaveLength(1);
    expect(h.slack.calls('conversations.create')).toHaveLength(1);
  });
});

describe('when Slack fails', () => {
  it('when channel creation fails, then the job is retried with backoff and nothing is lost', async () => {
    h.slack.failNext('conversations.create', 'internal_error', 2);
    await h.incident('declare sev2 Flaky Slack');
    await h.settle();
    expect(h.slack.channels().some((c) => c.name.startsWith('inc-'))).toBe(false);
    await h.advance(2_000);
    await h.advance(4_000);
    expect(h.slack.channelByName('inc-20261122-flaky-slack')).toBeDefined();
    expect(h.slack.messages(h.announcementsId)).toHaveLength(1);
  });

  it('when Slack answers 429 with Retry-After, then the post waits that long and goes out once', async () => {
    await h.incident('declare sev2 Rate limited');
    await h.settle();
    const channel = h.incidentChannel();
    h.slack.rateLimitNext('chat.postMessage', 30, 2);
    await h.incident('update Halfway there', { channel });
    await h.settle();
    expect(h.slack.messages(channel).some((m) => m.text.includes('Halfway there'))).toBe(false);
    await h.advance(29_000);
    expect(h.slack.messages(channel).some((m) => m.text.includes('Halfway there'))).toBe(false);
    await h.advance(1_000);
    expect(h.slack.messages(channel).filter((m) => m.text.includes('Halfway there'))).toHaveLength(1);
    expect(h.gateway().state()).toBe('closed');
  });

  it('when a post is refused for good (invalid_blocks), then it is marked failed and the rest still goes out', async () => {
    await h.incident('declare sev2 Refused post');
    await h.settle();
    const channel = h.incidentChannel();
    h.slack.failNext('chat.postMessage', 'channel_not_found', 1);
    await h.incident('note first', { channel });
    await h.incident('note second', { channel });
    await h.settle();
    expect(h.warden.store.jobs.failedCount()).toBe(1);
    expect(h.slack.messages(channel).some((m) => m.text.includes('second'))).toBe(true);
  });
});

describe('health and readiness', () => {
  it('answers /healthz and /readyz with the database and Slack circuit state', async () => {
    expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${h.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', checks: { database: 'ok', slackCircuit: 'closed' } });
  });
});

describe('metrics', () => {
  it('exposes open incidents by severity, jobs and the Slack circuit in Prometheus format', async () => {
    await h.incident('declare sev2 Metrics check');
    const res = await fetch(`${h.url}/metrics`);
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body).toContain('warden_incidents_open{severity="sev2"} 1');
    expect(body).toContain('warden_incidents_open{severity="sev1"} 0');
    expect(body).toMatch(/warden_jobs_pending \d+/);
    expect(body).toContain('warden_slack_circuit_open 0');
  });
});

describe('ack time', () => {
  it('acks a declare well inside Slack’s 3 seconds, before any Slack call is made', async () => {
    const res = await h.incident('declare sev1 Timing');
    expect(res.elapsedMs).toBeLessThan(3_000);
    expect(replyText(res.body)).toContain('Declared');
  });
});

describe('the other slash commands', () => {
  const send = (command: string, text: string, userId = 'UALICE') =>
    sendSlashCommand(h.url, SIGNING_SECRET, { command, text, userId, channelId: 'CGENERAL', triggerId: makeTriggerId(userId) });

  it('answers /warden help and whoami', async () => {
    expect(replyText((await send('/warden', 'help')).body)).toContain('/incident help');
    await h.incident('declare sev3 Whoami check');
    expect(replyText((await send('/warden', 'whoami')).body)).toContain('Roles in open incidents: INC-2026-0001');
  });

  it('says honestly that /patch and /access-review are not available yet', async () => {
    expect(replyText((await send('/patch', 'add')).body)).toContain('not available in this version');
    expect(replyText((await send('/access-review', 'list')).body)).toContain('not available in this version');
  });
});
