/**
 * One PagerDuty request through pdjs, with what pdjs lacks: a real timeout, a private CA, and no hidden
 * retries. pdjs hands its options to node-fetch v2, which takes an `agent` and a `signal`; its own
 * `requestTimeout` only starts an empty timer, and it retries a 429 three times after `retryTimeout`
 * (20 s). Each call gets its own https.Agent so Node's `http.client.response.finish` diagnostics channel
 * can tie the answer to the call: a 429 aborts the call at once, so pdjs never sends its retry and the job
 * runner waits out `Retry-After` instead.
 */
import diagnostics from 'node:diagnostics_channel';
import type { ClientRequest, IncomingMessage } from 'node:http';
import { Agent } from 'node:https';
import { rootCertificates } from 'node:tls';
import { PagerDutyError, type PagerDutyFailure } from '../../features/paging/index.js';
import { failureOfError, failureOfStatus, retryAfterMs } from './failures.js';

export interface TransportSettings {
  /** Extra CA (PEM) trusted for these requests only, on top of Node's public roots. */
  ca?: string;
  timeoutMs: number;
}

/** What pdjs passes through to node-fetch for one call. */
export interface FetchExtras {
  agent: Agent;
  signal: AbortSignal;
  requestTimeout: 0;
  retryTimeout: number;
}

type Watcher = (response: IncomingMessage) => void;
const watchers = new WeakMap<object, Watcher>();
let subscribed = false;

function watch(agent: Agent, watcher: Watcher): void {
  if (!subscribed) {
    diagnostics.subscribe('http.client.response.finish', (message) => {
      const { request, response } = message as { request: ClientRequest & { agent?: object }; response: IncomingMessage };
      if (request.agent) watchers.get(request.agent)?.(response);
    });
    subscribed = true;
  }
  watchers.set(agent, watcher);
}

/**
 * Runs one pdjs call and returns the JSON body of a 2xx answer; anything else becomes a PagerDutyError.
 * `secrets` (token, routing key) are removed from any message PagerDuty echoes.
 */
export async function callPagerDuty(
  settings: TransportSettings,
  secrets: readonly string[],
  send: (extras: FetchExtras) => Promise<{ status: number; data: unknown }>,
): Promise<unknown> {
  const controller = new AbortController();
  let failure: PagerDutyFailure | undefined;
  let status: number | undefined;
  const agent = new Agent({ ca: settings.ca === undefined ? undefined : [...rootCertificates, settings.ca] });
  watch(agent, (response) => {
    status = response.statusCode;
    if (status !== 429) return;
    failure = { kind: 'rate_limited', retryAfterMs: retryAfterMs(response.headers['retry-after']) };
    controller.abort();
  });
  const timer = setTimeout(() => {
    failure ??= { kind: 'unavailable', detail: `no answer within ${settings.timeoutMs} ms` };
    controller.abort();
  }, settings.timeoutMs);
  try {
    // retryTimeout: should a 429 ever slip past the watcher, pdjs's retry waits past our own timeout.
    const answer = await send({ agent, signal: controller.signal, requestTimeout: 0, retryTimeout: settings.timeoutMs * 2 });
    const refused = failureOfStatus(answer.status, answer.data, secrets);
    if (refused) throw new PagerDutyError(refused);
    return answer.data;
  } catch (error) {
    if (error instanceof PagerDutyError) throw error;
    // pdjs rejects with the bare response when a body is not JSON (a proxy's HTML 502): the status still says it.
    const byStatus = status === undefined ? null : failureOfStatus(status, undefined, secrets);
    throw new PagerDutyError(failure ?? byStatus ?? failureOfError(error));
  } finally {
    clearTimeout(timer);
    agent.destroy();
  }
}
