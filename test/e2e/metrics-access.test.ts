import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../support/free-port.js';
import { startHarness, type Harness } from '../support/warden-harness.js';

const TOKEN = 'metrics-test-token-0123456789abcdef';

let h: Harness | null = null;
afterEach(async () => {
  await h?.stop();
  h = null;
});

/** A GET with the path sent exactly as written (fetch would resolve `..` and `//` before sending). */
function getRaw(base: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path, method: 'GET', headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.once('error', reject);
    req.end();
  });
}

describe('who may read /metrics, and where', () => {
  it('when METRICS_TOKEN is set, then /metrics answers only a request with that bearer token', async () => {
    h = await startHarness({ metrics: { token: TOKEN } });
    const none = await getRaw(h.url, '/metrics');
    expect(none.status).toBe(401);
    expect(none.headers['www-authenticate']).toBe('Bearer realm="warden metrics"');
    expect(none.body).not.toContain('warden_incidents_open');
    expect((await getRaw(h.url, '/metrics', { authorization: `Bearer ${TOKEN.slice(0, -1)}x` })).status).toBe(401);
    expect((await getRaw(h.url, '/metrics', { authorization: `Basic ${TOKEN}` })).status).toBe(401);
    const ok = await getRaw(h.url, '/metrics', { authorization: `Bearer ${TOKEN}` });
    expect(ok.status).toBe(200);
    expect(ok.body).toContain('warden_incidents_open');
    // The probes stay open: a load balancer has no token.
    expect((await getRaw(h.url, '/healthz')).status).toBe(200);
  });

  it('when METRICS_PORT is set, then /metrics is served there only, and nothing else is', async () => {
    const port = await freePort();
    h = await startHarness({ metrics: { port } });
    const metricsUrl = `http://127.0.0.1:${port}`;
    const there = await getRaw(metricsUrl, '/metrics');
    expect(there.status).toBe(200);
    expect(there.body).toContain('warden_incidents_open');
    expect((await getRaw(h.url, '/metrics')).status).toBe(404);
    for (const path of ['/healthz', '/readyz', '/slack/events', '/metrics/', '/healthz/../metrics']) expect((await getRaw(metricsUrl, path)).status, path).toBe(404);
  });

  it('when a path only resolves to a route (dot segments, doubled or trailing slashes, percent-encoding), then it is 404', async () => {
    h = await startHarness();
    for (const path of ['/healthz/../metrics', '/readyz/%2e%2e/metrics', '/metrics/', '//metrics', '/%6Detrics', '/./metrics', '/METRICS', '/slack/events/']) {
      expect((await getRaw(h.url, path)).status, path).toBe(404);
    }
    expect((await getRaw(h.url, '/metrics')).status).toBe(200);
    expect((await getRaw(h.url, '/healthz?probe=1')).status).toBe(200);
  });
});
