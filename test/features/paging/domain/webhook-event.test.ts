import { describe, expect, it } from 'vitest';
import { freshnessOf, isWardenDedupKey, parseWebhookEvent } from '../../../../src/features/paging/domain/webhook-event.js';
import { pdIncidentEvent } from '../../../support/pagerduty-webhooks.js';

const at = new Date('2026-11-22T09:00:00.000Z');

describe('parseWebhookEvent', () => {
  it('reads the envelope and the incident fields Warden uses', () => {
    const parsed = parseWebhookEvent(JSON.stringify(pdIncidentEvent('incident.reassigned', at, { incidentKey: 'warden-INC-2026-0001-default', assignees: ['Bob'] }, 'Maeve', 'ev-1')));
    expect(parsed).toEqual({
      ok: true,
      event: {
        id: 'ev-1',
        type: 'incident.reassigned',
        occurredAt: at,
        agentName: 'Maeve',
        incident: { id: 'PGR0VU2', title: 'Checkout latency high', status: 'triggered', urgency: 'high', htmlUrl: 'https://acme.pagerduty.com/incidents/PGR0VU2', dedupKey: 'warden-INC-2026-0001-default', serviceName: 'Checkout API', assignees: ['Bob'] },
      },
    });
  });

  it('accepts event types it does not act on, without reading their data', () => {
    const parsed = parseWebhookEvent(JSON.stringify({ event: { id: 'n1', event_type: 'incident.annotated', occurred_at: at.toISOString(), agent: null, client: null, data: { type: 'incident_note' } } }));
    expect(parsed).toMatchObject({ ok: true, event: { type: 'incident.annotated', incident: null } });
  });

  it('names what is wrong with a malformed body, never quoting it', () => {
    expect(parseWebhookEvent('nope')).toEqual({ ok: false, problem: 'the body is not JSON' });
    expect(parseWebhookEvent('{"event":{"id":"x"}}')).toEqual({ ok: false, problem: 'not a PagerDuty v3 webhook: invalid event.event_type, event.occurred_at, event.data' });
    const bad = pdIncidentEvent('incident.acknowledged', at, { title: '<secret title>' }) as { event: { data: Record<string, unknown> } };
    bad.event.data.status = 'exploded';
    const parsed = parseWebhookEvent(JSON.stringify(bad));
    expect(parsed).toEqual({ ok: false, problem: 'incident.acknowledged without a usable incident: invalid event.data.status' });
  });
});

describe('freshnessOf', () => {
  it('takes deliveries up to 30 minutes old and up to 5 minutes ahead', () => {
    const ago = (m: number) => new Date(at.getTime() - m * 60_000);
    expect(freshnessOf(ago(30), at)).toBe('fresh');
    expect(freshnessOf(ago(30.1), at)).toBe('stale');
    expect(freshnessOf(ago(-5), at)).toBe('fresh');
    expect(freshnessOf(ago(-5.1), at)).toBe('future');
  });
});

describe('isWardenDedupKey', () => {
  it('recognises the dedup keys of Warden\'s own pages', () => {
    expect(isWardenDedupKey('warden-INC-2026-0001-default')).toBe(true);
    expect(isWardenDedupKey('d3640fbd41094207a1c11e58e46b1662')).toBe(false);
    expect(isWardenDedupKey(null)).toBe(false);
  });
});
