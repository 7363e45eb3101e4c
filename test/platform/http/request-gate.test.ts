import { createServer, request, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createRequestGate } from '../../../src/platform/http/request-gate.js';

let server: Server | null = null;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
});

/** A loopback server that holds each request until the test answers it. */
async function holdingServer() {
  const held: ServerResponse[] = [];
  let arrived: () => void = () => undefined;
  server = createServer((_req, res) => {
    held.push(res);
    arrived();
  });
  const gate = createRequestGate();
  gate.track(server);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const send = () =>
    new Promise<void>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/healthz', agent: false }, (res) => res.resume().on('end', resolve));
      req.on('error', reject).end();
    });
  const nextArrival = () => new Promise<void>((resolve) => (arrived = resolve));
  return { gate, held, send, nextArrival };
}

describe('the request gate the job runner waits at', () => {
  it('when no request is open, then it is clear at once', async () => {
    const { gate } = await holdingServer();
    await expect(gate.clear(60_000)).resolves.toBeUndefined();
    expect(gate.open()).toBe(0);
  });

  it('when a request is being answered, then it clears only once the answer is sent', async () => {
    const { gate, held, send, nextArrival } = await holdingServer();
    const arrival = nextArrival();
    const answered = send();
    await arrival;
    expect(gate.open()).toBe(1);
    let cleared = false;
    const waiting = gate.clear(60_000).then(() => (cleared = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(cleared).toBe(false);
    held[0]!.end('ok');
    await answered;
    await waiting;
    expect(cleared).toBe(true);
    expect(gate.open()).toBe(0);
  });
});
