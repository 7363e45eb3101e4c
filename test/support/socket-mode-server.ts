import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * Slack's side of a Socket Mode connection, on loopback: says hello when Warden connects, delivers
 * envelopes (slash commands, interactivity, events) and returns the payload Warden acknowledged them with.
 */
export async function startSocketModeServer() {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  let socket: WebSocket | null = null;
  const connected = new Promise<WebSocket>((resolve) => {
    server.on('connection', (ws) => {
      socket = ws;
      ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0WARDEN' }, debug_info: { host: 'stand-in' } }));
      resolve(ws);
    });
  });
  let seq = 0;
  return {
    url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/link`,
    connected,
    /** Sends one envelope and resolves with the ack's payload (what Warden answered). */
    async deliver(type: 'slash_commands' | 'interactive' | 'events_api', payload: Record<string, unknown>): Promise<Record<string, unknown> | undefined> {
      const ws = await connected;
      const envelopeId = `env-${++seq}`;
      const acked = new Promise<Record<string, unknown> | undefined>((resolve) => {
        const onMessage = (data: Buffer) => {
          const msg = JSON.parse(data.toString()) as { envelope_id?: string; payload?: Record<string, unknown> };
          if (msg.envelope_id !== envelopeId) return;
          ws.off('message', onMessage);
          resolve(msg.payload);
        };
        ws.on('message', onMessage);
      });
      ws.send(JSON.stringify({ envelope_id: envelopeId, type, payload, accepts_response_payload: type !== 'events_api', retry_attempt: 0, retry_reason: '' }));
      return acked;
    },
    async stop(): Promise<void> {
      (socket as WebSocket | null)?.terminate();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
