import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dedupKeyOf, MAX_BODY_BYTES, pageRepo, pagerDutySignature } from '../../src/features/paging/index.js';
import type { InboundOptions } from '../../src/features/paging/index.js';
import { plainTextValue, staticSelectValue } from '../support/stand-ins/slack/requests/index.js';
import { deliver, inboundFeature, PD_OLD_SECRET, PD_SECRET, pdIncidentEvent } from '../support/pagerduty-webhooks.js';
import { startHarness, type Harness } from '../support/warden-harness.js';

let h: Harness;
let logs: string[];
const inbound: InboundOptions = { announcementsChannel: null };

beforeEach(async () => {
  logs = [];
  const sink = new Writable({ write: (chunk, _enc, done) => (logs.push(String(chunk)), done()) });
  h = await startHarness({ features: [inboundFeature(inbound)], pagerDutyWebhookSecrets: [PD_SECRET, PD_OLD_SECRET], logs: sink });
  inbound.announcementsChannel = h.announcementsId;
});
afterEach(async () => {
  await h.stop();
});

const count = (table: string) => (h.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const now = () => h.clock.now();
const minutes = (n: number) => new Date(now().getTime() + n * 60_000);
const announcements = () => h.slack.messages(h.announcementsId).filter((m) => m.text.includes('PagerDuty incident'));

describe('POST /pagerduty/webhook signatures', () => {
  it('when a delivery is signed with the current secret, then it is accepted (202) and applied', async () => {
    const res = await deliver(h.url, pdIncidentEvent('incident.triggered', now()));
    expect(res.status).toBe(202);
    expect(count('pagerduty_deliveries')).toBe(1);
    expect(count('pagerduty_incidents')).toBe(1);
  });

  it('when the signature is wrong, then it is refused 401, nothing is stored, and the refusal is logged without the signature', async () => {
    const res = await deliver(h.url, pdIncidentEvent('incident.triggered', now()), { secrets: ['not-the-secret'] });
    expect(res.status).toBe(401);
    expect(count('pagerduty_deliveries')).toBe(0);
    const metrics = await (await fetch(`${h.url}/metrics`)).text();
    expect(metrics).toContain('warden_pagerduty_webhooks_refused_total{reason="bad_signature"} 1');
    const line = logs.find((l) => l.includes('refused a PagerDuty webhook'));
    expect(line).toContain('"reason":"bad_signature"');
    expect(line).not.toContain('v1=');
    expect(logs.join('')).not.toContain(PD_SECRET);
  });

  it('when the signature header is missing, then it is refused 401 as unsigned', async () => {
    const res = await deliver(h.url, pdIncidentEvent('incident.triggered', now()), { signature: null });
    expect(res.status).toBe(401);
    expect(res.body).toContain('unsigned');
    expect(count('pagerduty_deliveries')).toBe(0);
  });

  it('when the header carries two v1 signatures and only the second is right, then it is accepted', async () => {
    const body = JSON.stringify(pdIncidentEvent('incident.triggered', now()));
    const right = pagerDutySignature(body, [PD_SECRET]);
    const res = await deliver(h.url, body, { signature: `v1=${'0'.repeat(64)},${right}` });
    expect(res.status).toBe(202);
  });

  it('when two secrets are configured (a rotation) and the delivery is signed with the old one, then it is accepted', async () => {
    const res = await deliver(h.url, pdIncidentEvent('incident.triggered', now()), { secrets: [PD_OLD_SECRET] });
    expect(res.status).toBe(202);
  });

  it('when occurred_at is more than 30 minutes old or over 5 minutes ahead, then it is refused 400 (PagerDuty does not retry a 4xx)', async () => {
    expect((await deliver(h.url, pdIncidentEvent('incident.triggered', minutes(-31)))).status).toBe(400);
    expect((await deliver(h.url, pdIncidentEvent('incident.triggered', minutes(6)))).status).toBe(400);
    expect(count('pagerduty_deliveries')).toBe(0);
    // A delivery PagerDuty retried for 20 minutes after an outage is still taken.
    expect((await deliver(h.url, pdIncidentEvent('incident.triggered', minutes(-20)))).status).toBe(202);
    expect(logs.filter((l) => l.includes('"reason":"stale"') || l.includes('"reason":"future"'))).toHaveLength(2);
  });

  it('when the same event id is delivered again, then it is answered 200 and applied once', async () => {
    const event = pdIncidentEvent('incident.triggered', now());
    expect((await deliver(h.url, event)).status).toBe(202);
    expect((await deliver(h.url, event)).status).toBe(200);
    await h.settle();
    expect(count('pagerduty_deliveries')).toBe(1);
    expect(announcements()).toHaveLength(1);
  });

  it('when the body is not JSON or not a v3 webhook, then it is refused 400 saying what is wrong, and nothing is stored', async () => {
    const notJson = await deliver(h.url, '{"event":');
    expect(notJson.status).toBe(400);
    expect(notJson.body).toContain('the body is not JSON');
    const event = pdIncidentEvent('incident.acknowledged', now()) as { event: Record<string, unknown> };
    delete event.event.occurred_at;
    const noTime = await deliver(h.url, event);
    expect(noTime.status).toBe(400);
    expect(noTime.body).toContain('event.occurred_at');
    expect(count('pagerduty_deliveries')).toBe(0);
  });

  it('when the body is larger than 256 KiB, then it is refused 413 before anything is parsed', async () => {
    const res = await deliver(h.url, JSON.stringify({ pad: 'x'.repeat(MAX_BODY_BYTES) }));
    expect(res.status).toBe(413);
    expect(count('pagerduty_deliveries')).toBe(0);
  });

  it('when an event type Warden does not act on arrives, then it is accepted and ignored', async () => {
    const ping = { event: { id: 'ping-1', event_type: 'pagey.ping', resource_type: 'pagey', occurred_at: now().toISOString(), agent: null, client: null, data: { message: 'Hello from your friend Pagey!', type: 'ping' } } };
    const res = await deliver(h.url, ping);
    expect(res.status).toBe(202);
    expect(res.body).toContain('ignored');
    expect(count('pagerduty_incidents')).toBe(0);
  });
});

/** Clicks Declare on the announcement, submits the pre-filled form as shown, and returns the incident id. */
async function declareFromAnnouncement(): Promise<string> {
  const [announced] = announcements();
  await h.action({ actionId: 'paging.declare', value: 'PGR0VU2', userId: 'UALICE', channelId: h.announcementsId, messageTs: announced!.ts });
  const view = h.slack.views().at(-1)!.view as { private_metadata: string; blocks: { block_id: string; element: { initial_value?: string; initial_option?: { value: string } } }[] };
  const field = (id: string) => view.blocks.find((b) => b.block_id === id)!.element;
  expect(field('title').initial_value).toBe('Checkout latency high');
  expect(field('severity').initial_option?.value).toBe('sev2');
  const values = { title: { title: plainTextValue(field('title').initial_value!) }, severity: { severity: staticSelectValue(field('severity').initial_option!.value) } };
  await h.submit({ callbackId: 'incident.declare', privateMetadata: view.private_metadata, values, userId: 'UALICE' });
  await h.settle();
  return h.warden.store.incidents.listOpen()[0]!.id;
}

const pdPosts = (channel: string) => h.slack.messages(channel).filter((m) => m.text.includes('PagerDuty:'));

describe('a PagerDuty incident Warden did not start', () => {
  it('is announced with its escaped title, urgency, service, link and a Declare button', async () => {
    await deliver(h.url, pdIncidentEvent('incident.triggered', now(), { title: 'Checkout <!channel> latency' }));
    await h.settle();
    const [announced] = announcements();
    const blocks = JSON.stringify(announced?.blocks);
    expect(announced?.text).toContain('Checkout &lt;!channel&gt; latency');
    expect(blocks).toContain('high urgency · Checkout API · triggered');
    expect(blocks).toContain('<https://acme.pagerduty.com/incidents/PGR0VU2|Open in PagerDuty>');
    expect(blocks).toContain('"action_id":"paging.declare"');
  });

  it('declared from its button, it is linked, the announcement says so, and its changes show once each in the incident channel', async () => {
    await deliver(h.url, pdIncidentEvent('incident.triggered', now()));
    await h.settle();
    const id = await declareFromAnnouncement();
    expect(h.db.prepare('SELECT incident_id FROM pagerduty_incidents').get()).toEqual({ incident_id: id });
    const updated = h.slack.calls('chat.update').at(-1)?.args;
    expect(JSON.stringify(updated?.blocks)).toContain(`Declared as *${id}*`);
    expect(JSON.stringify(updated?.blocks)).not.toContain('paging.declare');

    const ack = pdIncidentEvent('incident.acknowledged', now(), { status: 'acknowledged' }, 'Maeve Oncall');
    expect((await deliver(h.url, ack)).status).toBe(202);
    await h.settle();
    const channel = h.incidentChannel(id);
    expect(pdPosts(channel).map((m) => m.text)).toEqual([expect.stringContaining('PagerDuty: acknowledged by Maeve Oncall')]);

    // The same delivery again, and a second acknowledged event for an incident already acknowledged: nothing more.
    await deliver(h.url, ack);
    await deliver(h.url, pdIncidentEvent('incident.acknowledged', now(), { status: 'acknowledged' }));
    await h.settle();
    expect(pdPosts(channel)).toHaveLength(1);
    expect(h.warden.store.timeline.list(id).filter((e) => e.text.startsWith('PagerDuty:'))).toHaveLength(1);

    await deliver(h.url, pdIncidentEvent('incident.reassigned', now(), { status: 'acknowledged', assignees: ['Bob Backup'] }, 'Maeve Oncall'));
    await deliver(h.url, pdIncidentEvent('incident.resolved', now(), { status: 'resolved' }));
    await h.settle();
    const texts = pdPosts(channel).map((m) => m.text);
    expect(texts[1]).toContain('PagerDuty: reassigned to Bob Backup by Maeve Oncall');
    expect(texts[2]).toContain(`This does not resolve ${id}`);
    expect(texts[2]).toContain('`/incident resolve`');
    expect(h.warden.store.incidents.get(id)?.status).not.toBe('resolved');
  });

  it('when its Declare button is clicked after it was declared, then the clicker is told which incident it became', async () => {
    await deliver(h.url, pdIncidentEvent('incident.triggered', now()));
    await h.settle();
    const id = await declareFromAnnouncement();
    const opened = h.slack.views().length;
    const responseUrl = h.slack.responseUrl('again', { channelId: h.announcementsId, userId: 'UBOB' });
    await h.action({ actionId: 'paging.declare', value: 'PGR0VU2', userId: 'UBOB', channelId: h.announcementsId, messageTs: announcements()[0]!.ts, responseUrl });
    expect(h.slack.views()).toHaveLength(opened);
    const told = h.slack.calls('response_url').find((c) => c.responseUrlId === 'again');
    expect(String(told?.args.text)).toContain(`already declared as *${id}*`);
  });
});

describe('an incident Warden\'s own page opened', () => {
  async function withPage(status: 'triggered' | 'acknowledged') {
    await h.incident('declare sev1 Payments down');
    await h.settle();
    const incidentId = h.warden.store.incidents.listOpen()[0]!.id;
    const pages = pageRepo(h.db);
    const key = dedupKeyOf(incidentId, 'default');
    pages.insert({ incidentId, service: 'default', dedupKey: key, message: 'Payments down', requestedBy: 'UALICE', requestedAt: now() });
    pages.setStatus(key, status, now());
    return { incidentId, key, pages, channel: h.incidentChannel(incidentId) };
  }

  it('when Warden\'s own acknowledge comes back, then nothing is recorded or posted', async () => {
    const { incidentId, key, pages, channel } = await withPage('acknowledged');
    const res = await deliver(h.url, pdIncidentEvent('incident.acknowledged', now(), { id: 'PWARDEN', status: 'acknowledged', incidentKey: key }));
    expect(res.body).toContain('own_change');
    await h.settle();
    expect(pdPosts(channel)).toHaveLength(0);
    expect(h.warden.store.timeline.list(incidentId).some((e) => e.text.startsWith('PagerDuty:'))).toBe(false);
    expect(pages.byDedupKey(key)?.pdIncidentId).toBe('PWARDEN');
    expect(announcements()).toHaveLength(0);
  });

  it('when someone acknowledges it in PagerDuty, then it shows once in the incident channel and the page is marked acknowledged', async () => {
    const { key, pages, channel } = await withPage('triggered');
    await deliver(h.url, pdIncidentEvent('incident.triggered', now(), { id: 'PWARDEN', incidentKey: key }));
    await deliver(h.url, pdIncidentEvent('incident.acknowledged', now(), { id: 'PWARDEN', status: 'acknowledged', incidentKey: key }, 'Maeve Oncall'));
    await deliver(h.url, pdIncidentEvent('incident.acknowledged', now(), { id: 'PWARDEN', status: 'acknowledged', incidentKey: key }, 'Maeve Oncall'));
    await h.settle();
    expect(pdPosts(channel).map((m) => m.text)).toEqual([expect.stringContaining('PagerDuty: acknowledged by Maeve Oncall')]);
    expect(pages.byDedupKey(key)?.status).toBe('acknowledged');
    expect(announcements()).toHaveLength(0);
  });
});
