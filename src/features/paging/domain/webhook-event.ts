import { z } from 'zod';

/**
 * The PagerDuty v3 webhook events Warden acts on (developer-docs, webhooks/01-Overview "Event Types"); every
 * other type (notes, priorities, services, `pagey.ping`) is accepted and ignored.
 */
export const INCIDENT_EVENT_TYPES = ['incident.triggered', 'incident.acknowledged', 'incident.unacknowledged', 'incident.resolved', 'incident.reassigned'] as const;
export type IncidentEventType = (typeof INCIDENT_EVENT_TYPES)[number];

const reference = z.object({ id: z.string(), summary: z.string().nullish() });

/** The parts of the `incident` data object Warden uses; PagerDuty sends more, and may add fields. */
const incidentData = z.object({
  id: z.string().min(1).max(64),
  type: z.literal('incident'),
  title: z.string().max(4096),
  status: z.enum(['triggered', 'acknowledged', 'resolved']),
  urgency: z.enum(['high', 'low']).nullish(),
  html_url: z.url().nullish(),
  /** The Events API dedup key the incident was opened with: `warden-…` when Warden's own page opened it. */
  incident_key: z.string().nullish(),
  service: reference.nullish(),
  assignees: z.array(reference).nullish(),
});

const envelope = z.object({
  event: z.object({
    id: z.string().min(1).max(128),
    event_type: z.string().min(1).max(128),
    resource_type: z.string().nullish(),
    occurred_at: z.iso.datetime({ offset: true }),
    agent: z.object({ type: z.string().nullish(), summary: z.string().nullish() }).nullish(),
    client: z.object({ name: z.string().nullish() }).nullish(),
    data: z.unknown(),
  }),
});

/** A PagerDuty incident as a webhook described it. */
export interface PdIncidentFacts {
  id: string;
  title: string;
  status: 'triggered' | 'acknowledged' | 'resolved';
  urgency: 'high' | 'low' | null;
  htmlUrl: string | null;
  dedupKey: string | null;
  serviceName: string | null;
  assignees: string[];
}

export interface WebhookEvent {
  id: string;
  type: string;
  occurredAt: Date;
  /** Who made the change, as PagerDuty names them (a user's name, a service for an integration). */
  agentName: string | null;
  /** Set for the incident events Warden acts on; null for the types it ignores. */
  incident: PdIncidentFacts | null;
}

export type ParsedWebhook = { ok: true; event: WebhookEvent } | { ok: false; problem: string };

const isIncidentEventType = (type: string): type is IncidentEventType => (INCIDENT_EVENT_TYPES as readonly string[]).includes(type);

/** Parses a delivery's raw body; a problem names what is wrong (never quoting the body). */
export function parseWebhookEvent(rawBody: string): ParsedWebhook {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    return { ok: false, problem: 'the body is not JSON' };
  }
  const parsed = envelope.safeParse(json);
  if (!parsed.success) return { ok: false, problem: `not a PagerDuty v3 webhook: ${pathsOf(parsed.error)}` };
  const e = parsed.data.event;
  const base = { id: e.id, type: e.event_type, occurredAt: new Date(e.occurred_at), agentName: e.agent?.summary ?? null };
  if (!isIncidentEventType(e.event_type)) return { ok: true, event: { ...base, incident: null } };
  const data = incidentData.safeParse(e.data);
  if (!data.success) return { ok: false, problem: `${e.event_type} without a usable incident: ${pathsOf(data.error, 'event.data')}` };
  return { ok: true, event: { ...base, incident: factsOf(data.data) } };
}

function factsOf(d: z.infer<typeof incidentData>): PdIncidentFacts {
  return {
    id: d.id,
    title: d.title,
    status: d.status,
    urgency: d.urgency ?? null,
    htmlUrl: d.html_url ?? null,
    dedupKey: d.incident_key ?? null,
    serviceName: d.service?.summary ?? null,
    assignees: (d.assignees ?? []).map((a) => a.summary ?? a.id),
  };
}

/** The fields at fault, `event.occurred_at, event.id`: enough to fix a sender, and no value from the body. */
function pathsOf(error: z.ZodError, prefix = ''): string {
  const paths = error.issues.map((i) => [prefix, ...i.path.map(String)].filter(Boolean).join('.') || '(root)');
  return `invalid ${[...new Set(paths)].join(', ')}`;
}

/**
 * How far from now a delivery's `occurred_at` may be. PagerDuty retries a failed delivery 4 times with backoff
 * over about 20 minutes and holds later deliveries behind it (developer-docs, webhooks/02-Behavior), so a
 * genuine delivery can arrive that late after an outage of Warden: 30 minutes keeps those. Replays inside the
 * window are caught by the event id, which is kept far longer. Ahead: PagerDuty's clock, not a future event.
 */
export const MAX_AGE_MS = 30 * 60_000;
export const MAX_AHEAD_MS = 5 * 60_000;

export type Freshness = 'fresh' | 'stale' | 'future';

export function freshnessOf(occurredAt: Date, now: Date): Freshness {
  const age = now.getTime() - occurredAt.getTime();
  if (age > MAX_AGE_MS) return 'stale';
  if (age < -MAX_AHEAD_MS) return 'future';
  return 'fresh';
}

/** True when Warden's own page opened the PagerDuty incident (`dedupKeyOf` in page.ts). */
export const isWardenDedupKey = (key: string | null): key is string => key !== null && key.startsWith('warden-');
