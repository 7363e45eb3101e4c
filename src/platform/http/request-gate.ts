import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/**
 * Which requests the HTTP server is still answering, so background work can let them go first. The job runner
 * waits here between jobs: while an ack or a probe is open it pauses (at most `maxWaitMs` at a time, so a stream
 * of requests slows the runner down but never stops it), instead of taking every other turn of the event loop.
 */
export function createRequestGate() {
  let open = 0;
  let waiters: Array<() => void> = [];
  const release = () => {
    const ready = waiters;
    waiters = [];
    for (const resolve of ready) resolve();
  };
  return {
    /** Counts `server`'s requests from arrival until their response has been sent (or the client went away). */
    track(server: Server): void {
      server.on('request', (_req: IncomingMessage, res: ServerResponse) => {
        open += 1;
        res.once('close', () => {
          open -= 1;
          if (open === 0) release();
        });
      });
    },
    /** Resolves at once when no request is open; otherwise when the last one is answered, or after `maxWaitMs`. */
    clear(maxWaitMs: number): Promise<void> {
      if (open === 0) return Promise.resolve();
      return new Promise((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, maxWaitMs).unref();
      });
    },
    /** Requests not yet answered. */
    open: () => open,
  };
}

export type RequestGate = ReturnType<typeof createRequestGate>;
