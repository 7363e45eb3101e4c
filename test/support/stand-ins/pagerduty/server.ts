/**
 * A local stand-in for PagerDuty's Events API v2 and the REST API reads Warden makes, over HTTPS with a
 * certificate made at start (trust `caPem`). Listens on 127.0.0.1 only; records every request and event.
 */
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { makeSelfSignedCertificate } from './certificate.js';
import { enqueue, type Answer } from './events-api.js';
import { pagerDutyFaults } from './faults.js';
import { authOf, parseJson, queryOf, readBody, send } from './http-io.js';
import { answerRest, type Account } from './rest-api.js';
import { DEFAULT_ON_CALLS, DEFAULT_SERVICES, DEFAULT_USERS, STAND_IN_TOKEN } from './seed.js';
import type { PagerDutyStandInOptions, RecordedCall, RecordedEvent, SeedOnCall } from './types.js';

const REST_ACCEPT = 'application/vnd.pagerduty+json;version=2';

/** Starts the stand-in on 127.0.0.1 at a free port. Call `stop()` when done. */
export async function startPagerDutyStandIn(opts: PagerDutyStandInOptions = {}): Promise<PagerDutyStandIn> {
  const standIn = new PagerDutyStandIn(opts);
  await standIn.up();
  return standIn;
}

export class PagerDutyStandIn {
  readonly token: string;
  /** The self-signed certificate clients must trust (PEM). */
  readonly caPem: string;
  private readonly server: Server;
  private readonly now: () => Date;
  private readonly faults = pagerDutyFaults();
  private readonly timers = new Set<NodeJS.Timeout>();
  private port = 0;
  private listening = false;
  private latencyMs = 0;
  private account: Account;
  private recordedCalls: RecordedCall[] = [];
  private recordedEvents: RecordedEvent[] = [];
  private recordedUpdates: { at: string; pdIncidentId: string; status: string; from: string }[] = [];

  constructor(private readonly opts: PagerDutyStandInOptions) {
    this.token = opts.token ?? STAND_IN_TOKEN;
    this.now = opts.now ?? (() => new Date());
    this.account = this.freshAccount();
    const { key, cert } = makeSelfSignedCertificate();
    this.caPem = cert;
    this.server = createServer({ key, cert }, (req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        if (!res.headersSent) send(res, { status: 500, body: { error: { message: String(error) } } });
      });
    });
  }

  /** `https://127.0.0.1:PORT`; the same port across `down()`/`up()`. */
  get url(): string {
    return `https://127.0.0.1:${this.port}`;
  }

  /** Every accepted event, oldest first. */
  events(): RecordedEvent[] {
    return structuredClone(this.recordedEvents);
  }

  /** Every request that reached the stand-in (optionally of one path), oldest first. */
  calls(path?: string): RecordedCall[] {
    return structuredClone(path === undefined ? this.recordedCalls : this.recordedCalls.filter((c) => c.path === path));
  }

  /** The next `times` requests to `path` (`'*'`: any) answer `status` with a PagerDuty-shaped error body. */
  failNext(path: string, status = 500, times = 1): void {
    this.faults.add(path, { kind: 'fail', status }, times);
  }

  /** The next `times` requests to `path` answer 429 with `Retry-After: retryAfterSeconds`. */
  rateLimitNext(path: string, retryAfterSeconds: number, times = 1): void {
    this.faults.add(path, { kind: 'rate_limit', retryAfterSeconds }, times);
  }

  /** The next `times` requests to `path` are read and never answered (until `stop()` or `down()`). */
  timeoutNext(path: string, times = 1): void {
    this.faults.add(path, { kind: 'timeout' }, times);
  }

  /** Every later answer is sent `ms` after its request arrived (0: at once). */
  delay(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new Error(`PagerDuty stand-in: delay must be >= 0 ms, got ${ms}`);
    this.latencyMs = ms;
  }

  /** Replaces the seeded on-call entries. */
  setOnCalls(onCalls: SeedOnCall[]): void {
    this.account.onCalls = structuredClone(onCalls);
  }

  /** Stops listening and drops open connections: new requests are refused (ECONNREFUSED) until `up()`. */
  async down(): Promise<void> {
    if (!this.listening) return;
    this.listening = false;
    this.clearTimers();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  /** Listens again (on the same port once it has one). */
  async up(): Promise<void> {
    if (this.listening) return;
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.port, '127.0.0.1', () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    this.port = (this.server.address() as AddressInfo).port;
    this.listening = true;
  }

  /** Back to the seeded account: no calls, events, faults or delay. */
  reset(): void {
    this.account = this.freshAccount();
    this.recordedCalls = [];
    this.recordedEvents = [];
    this.recordedUpdates = [];
    this.faults.clear();
    this.latencyMs = 0;
  }

  /** Stops everything it started: the listener, held and delayed answers. */
  stop(): Promise<void> {
    return this.down();
  }

  private freshAccount(): Account {
    const { services = DEFAULT_SERVICES, users = DEFAULT_USERS, onCalls = DEFAULT_ON_CALLS } = this.opts;
    return structuredClone({ services, users, onCalls });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'https://127.0.0.1');
    const raw = await readBody(req);
    const call: RecordedCall = {
      at: this.now().toISOString(),
      method: req.method ?? 'GET',
      path: url.pathname,
      query: queryOf(url.searchParams),
      auth: url.pathname === '/v2/enqueue' ? 'not-needed' : authOf(req, this.token),
      accept: req.headers.accept ?? null,
      status: 'no-answer',
    };
    this.recordedCalls.push(call);
    const fault = this.faults.take(url.pathname);
    if (fault?.kind === 'timeout') return;
    const answer = fault ? faultAnswer(fault) : this.answer(req, call, url, raw);
    call.status = answer.status;
    await this.wait();
    if (this.listening) send(res, answer);
  }

  private answer(req: IncomingMessage, call: RecordedCall, url: URL, raw: string): Answer {
    if (req.method === 'POST' && url.pathname === '/v2/enqueue') {
      const { answer, event } = enqueue(parseJson(raw), this.opts.routingKeys, this.now());
      if (event) this.recordedEvents.push(event);
      return answer;
    }
    if (req.method !== 'GET' && req.method !== 'PUT') return { status: 404, body: { error: { message: 'Not Found', code: 2100 } } };
    if (call.auth !== 'valid') return { status: 401, body: { error: { message: 'Unauthorized', code: 2006 } } };
    if (call.accept !== REST_ACCEPT) return { status: 406, body: { error: { message: `Accept must be ${REST_ACCEPT}`, code: 2000 } } };
    if (req.method === 'PUT') return this.updateIncident(req, url.pathname, raw);
    return answerRest(this.account, url.pathname, url.searchParams, this.now());
  }

  /** `PUT /incidents/{id}`: PagerDuty requires a `From` header naming a user of the account. */
  private updateIncident(req: IncomingMessage, path: string, raw: string): Answer {
    const id = /^\/incidents\/([^/]+)$/.exec(path)?.[1];
    if (!id) return { status: 404, body: { error: { message: 'Not Found', code: 2100 } } };
    const from = String(req.headers.from ?? '');
    if (!this.account.users.some((u) => u.email === from)) return { status: 400, body: { error: { message: 'Invalid Input Provided', code: 2001, errors: ['Requester User Not Found'] } } };
    const status = (parseJson(raw) as { incident?: { status?: unknown } } | null)?.incident?.status;
    if (status !== 'acknowledged' && status !== 'resolved') return { status: 400, body: { error: { message: 'Invalid Input Provided', code: 2001, errors: ['status must be acknowledged or resolved'] } } };
    this.recordedUpdates.push({ at: this.now().toISOString(), pdIncidentId: decodeURIComponent(id), status, from });
    return { status: 200, body: { incident: { id: decodeURIComponent(id), type: 'incident', status } } };
  }

  /** Every accepted `PUT /incidents/{id}`, oldest first. */
  incidentUpdates(): { at: string; pdIncidentId: string; status: string; from: string }[] {
    return structuredClone(this.recordedUpdates);
  }

  private wait(): Promise<void> {
    if (this.latencyMs === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, this.latencyMs);
      this.timers.add(timer);
    });
  }

  private clearTimers(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}

function faultAnswer(fault: { kind: 'fail'; status: number } | { kind: 'rate_limit'; retryAfterSeconds: number }): Answer {
  if (fault.kind === 'rate_limit') {
    return { status: 429, body: { status: 'throttle event', message: 'Requests for this service are arriving too quickly.' }, headers: { 'retry-after': String(fault.retryAfterSeconds) } };
  }
  return { status: fault.status, body: { error: { message: fault.status >= 500 ? 'Internal Server Error' : 'Refused by the stand-in', code: 0 } } };
}
