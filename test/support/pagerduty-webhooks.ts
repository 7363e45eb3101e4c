import { randomUUID } from 'node:crypto';
import type { WardenFeature } from '../../src/adapters/slack/feature-core.js';
import { pagerDutySignature, pagingFeature, WEBHOOK_PATH, type InboundOptions } from '../../src/features/paging/index.js';
import { pagingPolicyFrom, parseConfig } from '../../src/config/index.js';

export const PD_SECRET = 'pd-webhook-secret-not-real';
export const PD_OLD_SECRET = 'pd-webhook-old-secret-not-real';

export interface PdIncidentOverrides {
  id?: string;
  title?: string;
  status?: 'triggered' | 'acknowledged' | 'resolved';
  urgency?: 'high' | 'low';
  incidentKey?: string | null;
  assignees?: string[];
}

/** A v3 webhook body as PagerDuty sends it (developer-docs, webhooks/01-Overview), for one incident event. */
export function pdIncidentEvent(eventType: string, occurredAt: Date, o: PdIncidentOverrides = {}, agent = 'Maeve Oncall', eventId: string = randomUUID()) {
  const id = o.id ?? 'PGR0VU2';
  const user = (name: string, n: number) => ({ html_url: `https://acme.pagerduty.com/users/PU${n}`, id: `PU${n}`, self: `https://api.pagerduty.com/users/PU${n}`, summary: name, type: 'user_reference' });
  return {
    event: {
      id: eventId,
      event_type: eventType,
      resource_type: 'incident',
      occurred_at: occurredAt.toISOString(),
      agent: user(agent, 1),
      client: { name: 'PagerDuty' },
      data: {
        id,
        type: 'incident',
        self: `https://api.pagerduty.com/incidents/${id}`,
        html_url: `https://acme.pagerduty.com/incidents/${id}`,
        number: 2,
        status: o.status ?? 'triggered',
        incident_key: o.incidentKey === undefined ? 'd3640fbd41094207a1c11e58e46b1662' : o.incidentKey,
        created_at: occurredAt.toISOString(),
        title: o.title ?? 'Checkout latency high',
        service: { html_url: 'https://acme.pagerduty.com/services/PF9KMXH', id: 'PF9KMXH', self: 'https://api.pagerduty.com/services/PF9KMXH', summary: 'Checkout API', type: 'service_reference' },
        assignees: (o.assignees ?? ['Maeve Oncall']).map((name, i) => user(name, i + 10)),
        escalation_policy: { html_url: 'https://acme.pagerduty.com/escalation_policies/PUS0KTE', id: 'PUS0KTE', self: 'https://api.pagerduty.com/escalation_policies/PUS0KTE', summary: 'Default', type: 'escalation_policy_reference' },
        teams: [],
        priority: null,
        urgency: o.urgency ?? 'high',
        conference_bridge: null,
        resolve_reason: null,
      },
    },
  };
}

export interface DeliveryOptions {
  /** Secrets to sign with (one `v1=` each); ignored when `signature` is given. */
  secrets?: readonly string[];
  /** The exact X-PagerDuty-Signature; null sends none. */
  signature?: string | null;
}

/** POSTs a body to Warden's webhook with PagerDuty's v3 headers, signed as PagerDuty signs. */
export async function deliver(baseUrl: string, body: unknown, opts: DeliveryOptions = {}) {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const signature = opts.signature === undefined ? pagerDutySignature(raw, opts.secrets ?? [PD_SECRET]) : opts.signature;
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'User-Agent': 'PagerDuty-Webhook/V3.0',
    'X-Webhook-Id': randomUUID(),
    'X-Webhook-Subscription': 'PXSUIZH',
    ...(signature === null ? {} : { 'X-PagerDuty-Signature': signature }),
  };
  const res = await fetch(`${baseUrl}${WEBHOOK_PATH}`, { method: 'POST', headers, body: raw });
  return { status: res.status, body: (await res.text()) || null };
}

/**
 * The paging feature with no PagerDuty client (nothing pages out), as the webhook tests need it. The options are
 * read when a job runs, so a test sets the harness's announcements channel once it exists.
 */
export function inboundFeature(options: InboundOptions): WardenFeature {
  const settings = {
    pagerDuty: null,
    policy: pagingPolicyFrom(parseConfig({}), null),
    get announcementsChannel() {
      return options.announcementsChannel;
    },
  };
  return pagingFeature(settings);
}
