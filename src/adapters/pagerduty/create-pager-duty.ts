/**
 * The PagerDuty port over pdjs: Events API v2 for pages, REST API v2 for who is on call, one circuit
 * breaker for PagerDuty alone (5 outages in a row open it for 30 s; a 429 or a refusal does not count).
 */
import type * as Pdjs from '@pagerduty/pdjs';
import { BrokenCircuitError, circuitBreaker, CircuitState, ConsecutiveBreaker, handleWhen } from 'cockatiel';
import { isPagerDutyError, PagerDutyError, type OnCallEntry, type PagerDutyEvent, type PagerDutyPort } from '../../features/paging/index.js';
import { WardenError } from '../../platform/errors.js';
import { loadOnUse } from '../../platform/load-on-use.js';
import { enqueueBody } from './events.js';
import { onCallsPage, onCallsQuery, serviceAnswer, toOnCallEntry } from './on-calls.js';
import { callPagerDuty, type TransportSettings } from './transport.js';

export interface PagerDutyOptions {
  /** Base URLs (https only: pdjs builds `https://${server}/...`), e.g. https://events.pagerduty.com. */
  eventsUrl: string;
  apiUrl: string;
  /** REST API token; without one, `onCall` is refused without a request. */
  token?: string;
  /** A private CA (PEM) trusted for PagerDuty requests only: a corporate proxy's, or a stand-in's. */
  ca?: string;
  timeoutMs?: number;
  halfOpenAfterMs?: number;
}

const MAX_PAGES = 10;
// Required when a client is made, not when Warden starts: without PagerDuty set up, pdjs and the fetch stack it
// brings (cross-fetch, node-fetch, whatwg-url) never enter the heap, which every major GC marks (2.5 MB).
const loadPdjs = loadOnUse<typeof Pdjs>('@pagerduty/pdjs', import.meta.url);
const STATES = { [CircuitState.Closed]: 'closed', [CircuitState.Open]: 'open', [CircuitState.HalfOpen]: 'half-open', [CircuitState.Isolated]: 'isolated' };

/** pdjs's `server`: host[:port] plus any path prefix of the base URL (a proxy may mount PagerDuty under one). */
export function serverOf(baseUrl: string, name: string): string {
  const url = URL.canParse(baseUrl) ? new URL(baseUrl) : undefined;
  if (url?.protocol !== 'https:') throw new WardenError('config_invalid', `${name}: expected an https:// URL (PagerDuty is only spoken over HTTPS)`);
  return `${url.host}${url.pathname.replace(/\/+$/, '')}`;
}

export function createPagerDuty(opts: PagerDutyOptions): PagerDutyPort {
  const { api, event } = loadPdjs();
  const eventsServer = serverOf(opts.eventsUrl, 'PAGERDUTY_EVENTS_URL');
  const apiServer = serverOf(opts.apiUrl, 'PAGERDUTY_API_URL');
  const halfOpenAfterMs = opts.halfOpenAfterMs ?? 30_000;
  const settings: TransportSettings = { ca: opts.ca, timeoutMs: opts.timeoutMs ?? 10_000 };
  const isOutage = (e: unknown) => isPagerDutyError(e) && e.failure.kind === 'unavailable';
  const breaker = circuitBreaker(handleWhen(isOutage), { halfOpenAfter: halfOpenAfterMs, breaker: new ConsecutiveBreaker(5) });

  const guarded = async <T>(fn: () => Promise<T>): Promise<T> => {
    try {
      return await breaker.execute(fn);
    } catch (error) {
      if (error instanceof BrokenCircuitError) throw new PagerDutyError({ kind: 'circuit_open', retryAfterMs: halfOpenAfterMs });
      throw error;
    }
  };

  const rest = (token: string, endpoint: string, query?: Record<string, string | string[]>, write?: { method: 'PUT'; data: object; headers: Record<string, string> }) =>
    guarded(() => callPagerDuty(settings, [token], (extras) => api({ server: apiServer, token, endpoint, ...(query ? { queryParameters: query } : {}), ...write, ...extras })));
  const requireToken = () => {
    if (opts.token === undefined) throw new PagerDutyError({ kind: 'rejected', status: 401, detail: 'no REST API token (PAGERDUTY_TOKEN) configured' });
    return opts.token;
  };

  return {
    async sendEvent(e: PagerDutyEvent) {
      const data = await guarded(() =>
        callPagerDuty(settings, [e.routingKey], (extras) => event({ server: eventsServer, data: enqueueBody(e) as Parameters<typeof Pdjs.event>[0]['data'], ...extras })),
      );
      const dedupKey = (data as { dedup_key?: unknown } | null)?.dedup_key;
      return { dedupKey: typeof dedupKey === 'string' ? dedupKey : e.dedupKey };
    },

    async onCall(serviceId: string, at?: Date): Promise<OnCallEntry[]> {
      const token = opts.token;
      if (token === undefined) throw new PagerDutyError({ kind: 'rejected', status: 401, detail: 'no REST API token (PAGERDUTY_TOKEN) configured' });
      const service = parsed(serviceAnswer, await rest(token, `/services/${encodeURIComponent(serviceId)}`));
      const entries: OnCallEntry[] = [];
      for (let page = 0, offset = 0; page < MAX_PAGES; page += 1) {
        const answer = parsed(onCallsPage, await rest(token, '/oncalls', onCallsQuery(service.service.escalation_policy.id, at, offset)));
        entries.push(...answer.oncalls.map(toOnCallEntry));
        if (!answer.more || answer.oncalls.length === 0) break;
        offset += answer.oncalls.length;
      }
      return entries;
    },

    async setIncidentStatus(pdIncidentId: string, status: 'acknowledged' | 'resolved', from: string): Promise<void> {
      const data = { incident: { type: 'incident_reference', status } };
      await rest(requireToken(), `/incidents/${encodeURIComponent(pdIncidentId)}`, undefined, { method: 'PUT', data, headers: { From: from } });
    },

    state: () => STATES[breaker.state],
  };
}

/** A 2xx answer that is not what PagerDuty documents is treated as an outage, not as data. */
function parsed<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }, data: unknown): T {
  const result = schema.safeParse(data);
  if (!result.success) throw new PagerDutyError({ kind: 'unavailable', detail: 'unexpected answer from PagerDuty' });
  return result.data;
}
