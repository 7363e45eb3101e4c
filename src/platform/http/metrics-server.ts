import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exactPaths, type Route } from './routes.js';

/**
 * `/metrics` on a port of its own (METRICS_PORT), for a scraper on another network than Slack's requests: only
 * `GET /metrics` is served there, and it is not served on the main port.
 */
export function createMetricsServer(route: Route) {
  const server: Server = createServer(
    exactPaths([route.path], (req, res) => {
      if (!route.method.includes(req.method ?? '')) {
        res.writeHead(405, { allow: route.method.join(', ') });
        res.end();
        return;
      }
      route.handler(req, res);
    }),
  );
  return {
    /** Listens on host:port; resolves with the bound port. */
    start: (port: number, host: string): Promise<number> =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
      }),
    stop: (): Promise<void> => new Promise((resolve) => (server.listening ? server.close(() => resolve()) : resolve())),
  };
}
