import { createServer } from 'node:net';

/** A loopback port nothing listens on now, for a server that cannot be asked for port 0 (PORT must be 1-65535). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
