import { describe, expect, it } from 'vitest';
import { aTrigger, adapterAndStandIn, failureOf, ROUTING_KEY } from './harness.js';

describe('PagerDuty adapter: Events API v2', () => {
  it('when an incident is paged, then a trigger with its dedup key, payload and links reaches /v2/enqueue', async () => {
    const { standIn, pagerDuty } = await adapterAndStandIn();
    const answer = await pagerDuty.sendEvent({
      ...aTrigger(),
      payload: { ...aTrigger().payload, component: 'api', group: 'shop', class: 'errors', customDetails: { incident: 'INC-42' } },
      links: [{ href: 'https://slack.example/archives/C1', text: 'Incident channel' }],
    });
    expect(answer).toEqual({ dedupKey: 'warden-INC-42' });
    expect(standIn.events().map((e) => e.body)).toEqual([
      {
        routing_key: ROUTING_KEY,
        event_action: 'trigger',
        dedup_key: 'warden-INC-42',
        payload: { summary: 'INC-42 checkout errors', source: 'warden', severity: 'critical', component: 'api', group: 'shop', class: 'errors', custom_details: { incident: 'INC-42' } },
        links: [{ href: 'https://slack.example/archives/C1', text: 'Incident channel' }],
      },
    ]);
  });

  it('when the incident is acknowledged then resolved, then both events carry the same dedup key and no payload', async () => {
    const { standIn, pagerDuty } = await adapterAndStandIn();
    await pagerDuty.sendEvent(aTrigger());
    await pagerDuty.sendEvent({ routingKey: ROUTING_KEY, action: 'acknowledge', dedupKey: 'warden-INC-42' });
    await pagerDuty.sendEvent({ routingKey: ROUTING_KEY, action: 'resolve', dedupKey: 'warden-INC-42' });
    expect(standIn.events().map((e) => [e.action, e.dedupKey, 'payload' in e.body])).toEqual([
      ['trigger', 'warden-INC-42', true],
      ['acknowledge', 'warden-INC-42', false],
      ['resolve', 'warden-INC-42', false],
    ]);
  });

  it('when a summary is longer than 1,024 characters, then it is cut to 1,024 between graphemes', async () => {
    const { standIn, pagerDuty } = await adapterAndStandIn();
    const summary = `${'a'.repeat(1021)}👩‍👩‍👧${'b'.repeat(50)}`;
    await pagerDuty.sendEvent({ ...aTrigger(), payload: { ...aTrigger().payload, summary } });
    const sent = (standIn.events()[0]?.body.payload as { summary: string }).summary;
    expect(sent.length).toBeLessThanOrEqual(1024);
    expect(sent).toBe(`${'a'.repeat(1021)}…`);
  });

  it('when PagerDuty refuses the event (400), then it is rejected with its reason and without the routing key', async () => {
    const { pagerDuty } = await adapterAndStandIn();
    const e = await failureOf(() => pagerDuty.sendEvent({ ...aTrigger(), payload: { ...aTrigger().payload, source: '' } }));
    expect(e.failure).toEqual({ kind: 'rejected', status: 400, detail: "HTTP 400: Event object is invalid: 'payload.source' is missing or blank" });
    expect(e.message).not.toContain(ROUTING_KEY);
  });

  it('when the routing key is unknown, then the refusal names the problem, never the key', async () => {
    const { pagerDuty } = await adapterAndStandIn();
    const badKey = 'Z9876543210fedcba9876543210fedcb';
    const e = await failureOf(() => pagerDuty.sendEvent({ ...aTrigger(), routingKey: `${badKey}x` }));
    expect(e.failure).toMatchObject({ kind: 'rejected', status: 400 });
    expect(e.message).toContain('Invalid routing key');
    expect(e.message).not.toContain(badKey);
  });
});
