import { Agent, request } from 'node:https';
import { afterEach, describe, expect, it } from 'vitest';
import { startPagerDutyStandIn, STAND_IN_SERVICE_ID, type PagerDutyStandIn } from './index.js';

const KEY = 'R0123456789abcdef0123456789abcd1';
const REST = { authorization: 'Token token=pd-stand-in-token', accept: 'application/vnd.pagerduty+json;version=2' };
let standIn: PagerDutyStandIn;
afterEach(() => standIn.stop());

/** One HTTPS request trusting the stand-in's certificate; the status and parsed JSON body. */
function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; body: unknown; headers: Record<string, unknown> }>((resolve, reject) => {
    const req = request(`${standIn.url}${path}`, { method, headers: { 'content-type': 'application/json', ...headers }, agent: new Agent({ ca: standIn.caPem }) }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as unknown, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

const trigger = (extra: Record<string, unknown> = {}) => ({ routing_key: KEY, event_action: 'trigger', payload: { summary: 's', source: 'w', severity: 'info' }, ...extra });

describe('PagerDuty stand-in', () => {
  it('listens on 127.0.0.1 over HTTPS and accepts an event with 202 and its dedup key', async () => {
    standIn = await startPagerDutyStandIn();
    expect(standIn.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const answer = await call('POST', '/v2/enqueue', trigger({ dedup_key: 'd1' }));
    expect(answer).toMatchObject({ status: 202, body: { status: 'success', dedup_key: 'd1' } });
    expect(standIn.events()).toMatchObject([{ action: 'trigger', dedupKey: 'd1' }]);
  });

  it('refuses what PagerDuty refuses with 400 invalid event, and truncates a long summary instead of refusing it', async () => {
    standIn = await startPagerDutyStandIn();
    const bad = await call('POST', '/v2/enqueue', { routing_key: 'short', event_action: 'explode' });
    expect(bad).toMatchObject({ status: 400, body: { status: 'invalid event', errors: ['Invalid routing key', expect.stringContaining("'event_action' is invalid")] } });
    const noDedup = await call('POST', '/v2/enqueue', { routing_key: KEY, event_action: 'resolve' });
    expect(noDedup.body).toMatchObject({ errors: ["'dedup_key' is missing or blank"] });
    await call('POST', '/v2/enqueue', trigger({ payload: { summary: 'x'.repeat(2000), source: 'w', severity: 'info' } }));
    expect(standIn.events()[0]?.storedSummary).toHaveLength(1024);
  });

  it('answers REST reads only with the token (401 without) and records the headers', async () => {
    standIn = await startPagerDutyStandIn();
    expect((await call('GET', `/services/${STAND_IN_SERVICE_ID}`)).status).toBe(401);
    const ok = await call('GET', `/services/${STAND_IN_SERVICE_ID}`, undefined, REST);
    expect(ok.body).toMatchObject({ service: { escalation_policy: { id: 'PEP0001' } } });
    const oncalls = await call('GET', '/oncalls?escalation_policy_ids[]=PEP0001&include[]=users', undefined, REST);
    expect(oncalls.body).toMatchObject({ oncalls: [{ user: { email: 'ada@example.com' } }, { user: { email: 'grace@example.com' } }] });
    expect(standIn.calls().map((c) => c.auth)).toEqual(['missing', 'valid', 'valid']);
  });

  it('fails, rate limits and goes down on request', async () => {
    standIn = await startPagerDutyStandIn();
    standIn.failNext('/v2/enqueue', 503);
    standIn.rateLimitNext('/v2/enqueue', 9);
    expect((await call('POST', '/v2/enqueue', trigger())).status).toBe(503);
    const limited = await call('POST', '/v2/enqueue', trigger());
    expect([limited.status, limited.headers['retry-after']]).toEqual([429, '9']);
    await standIn.down();
    await expect(call('POST', '/v2/enqueue', trigger())).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    await standIn.up();
    expect((await call('POST', '/v2/enqueue', trigger())).status).toBe(202);
  });

  it('holds a request it was told to time out until it stops', async () => {
    standIn = await startPagerDutyStandIn();
    standIn.timeoutNext('/v2/enqueue');
    const pending = call('POST', '/v2/enqueue', trigger());
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(standIn.calls()).toMatchObject([{ status: 'no-answer' }]);
    await standIn.stop();
    await expect(pending).rejects.toThrow();
  });
});
