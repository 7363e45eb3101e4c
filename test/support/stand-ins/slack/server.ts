/**
 * A local stand-in for the Slack Web API: speaks enough of it for Warden's WebClient, records every call,
 * keeps channels and messages, and refuses what Slack refuses. Listens on 127.0.0.1 only.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { systemClock, type Clock } from '../../../../src/platform/clock.js';
import { refuseCall, rateLimited, type Answer } from './api-gate.js';
import { FaultQueue } from '../fault-queue.js';
import type { Fault } from './faults.js';
import { decodeArgs, readBody, readBytes, sendJson, tokenOf } from './http-io.js';
import { BOT_USER_ID, DEFAULT_TOKEN, DEFAULT_USERS, isKnownTimeZone, makeTriggerId, type StandInUser } from './identity.js';
import { Latency } from './latency.js';
import { slackEscape } from './slack-escape.js';
import { fail } from './method-kit.js';
import { callMethod } from './methods.js';
import { acceptUpload } from './methods-files.js';
import type { SeedChannel, SlackStandInOptions } from './options.js';
import { answerResponseUrl, ResponseUrls, type ResponseUrlContext } from './response-url.js';
import { RateLimiter } from './rate-limits.js';
import { StandInState } from './state.js';
import { memberJoinedChannelEvent, memberLeftChannelEvent, type SlackEvent } from './requests/slack-events.js';
import type { RecordedCall, StandInChannel, StandInEphemeral, StandInFile, StandInMessage, StandInView } from './types.js';

const copy = <T>(value: T): T => structuredClone(value);

/** Starts the stand-in on 127.0.0.1 (a free port unless `port` is given). Call `stop()` when done. */
export async function startSlackStandIn(opts: SlackStandInOptions = {}): Promise<SlackStandIn> {
  const standIn = new SlackStandIn(opts);
  await standIn.listen(opts.port ?? 0);
  return standIn;
}

export class SlackStandIn {
  readonly token: string;
  private socketMode: { appToken: string; url: string } | null = null;
  private baseUrl = '';
  private readonly clock: Clock;
  private readonly triggerClock: Clock;
  private readonly initialUsers: Record<string, StandInUser>;
  private readonly enterpriseId: string | undefined;
  private readonly server: Server;
  private readonly faults = new FaultQueue<Fault>();
  private readonly lostAnswers = new FaultQueue<true>();
  private readonly latency = new Latency();
  private readonly limiter: RateLimiter | null;
  private readonly responseUrls: ResponseUrls;
  private state: StandInState;
  private recorded: RecordedCall[] = [];

  constructor(opts: SlackStandInOptions) {
    this.token = opts.token ?? DEFAULT_TOKEN;
    this.clock = opts.clock ?? systemClock;
    this.triggerClock = opts.triggerClock ?? systemClock;
    this.responseUrls = new ResponseUrls(this.clock);
    this.limiter = opts.rateLimits === false ? null : new RateLimiter();
    this.initialUsers = { ...DEFAULT_USERS, ...opts.users };
    this.enterpriseId = opts.enterpriseId;
    for (const [id, user] of Object.entries(this.initialUsers)) assertZone(id, user.tz);
    this.state = this.freshState();
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        if (!res.headersSent) sendJson(res, 500, { ok: false, error: 'internal_error', detail: String(error) });
        else res.end();
      });
    });
  }

  /** `http://127.0.0.1:PORT`, set once listening. */
  get url(): string {
    return this.baseUrl;
  }

  get apiUrl(): string {
    return `${this.baseUrl}/api/`;
  }

  async listen(port: number): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => resolve());
    });
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    this.latency.abortAll();
    return new Promise<void>((resolve, reject) => {
      this.server.close((error) => (error ? reject(error) : resolve()));
      this.server.closeAllConnections();
    });
  }

  /** A trigger id minted now on the trigger clock, as if Slack had just sent a request carrying it. */
  triggerId(userId: string): string {
    return makeTriggerId(userId, this.triggerClock.now());
  }

  /**
   * A response_url, as handed out in a request sent now: it takes 5 uses within 30 minutes (stand-in clock).
   * With a context, what is posted there shows up in the channel or as an ephemeral.
   */
  responseUrl(id: string, context?: ResponseUrlContext): string {
    this.responseUrls.issue(id, context);
    return `${this.url}/response/${encodeURIComponent(id)}`;
  }

  calls(method?: string): RecordedCall[] {
    return copy(method === undefined ? this.recorded : this.recorded.filter((c) => c.method === method));
  }

  messages(channelId: string): StandInMessage[] {
    return copy(this.state.messages(channelId));
  }

  channels(): StandInChannel[] {
    return copy([...this.state.channels.values()]);
  }

  channelByName(name: string): StandInChannel | undefined {
    return copy(this.state.channelByName(name));
  }

  ephemerals(channelId?: string): StandInEphemeral[] {
    return copy(this.state.ephemerals.filter((e) => channelId === undefined || e.channel === channelId));
  }

  /** A person shares a file in a channel (as a scanner report dragged into Slack); returns its id. */
  shareFile(channelId: string, filename: string, content: string, userId = 'UALICE'): string {
    const id = this.state.nextId('F');
    const ts = this.state.nextTs();
    this.state.files.push({ id, filename, title: filename, channelId, content, initialComment: null, ts });
    this.state.addMessage({ channel: channelId, ts, text: '', user: userId, pinned: false, reactions: [], files: [{ id, title: filename, name: filename }] });
    return id;
  }

  /** Files shared through files.completeUploadExternal or `shareFile`, oldest first, with their content. */
  files(channelId?: string): StandInFile[] {
    return copy(this.state.files.filter((f) => channelId === undefined || f.channelId === channelId));
  }

  views(): StandInView[] {
    return copy([...this.state.views.values()]);
  }

  users(): Record<string, StandInUser> {
    return copy(Object.fromEntries(this.state.users));
  }

  /**
   * Seeds a channel as if it already existed; members default to every known user and the bot. With
   * `botJoined: false` the bot is left out, as in a real workspace where nobody invited the app.
   */
  addChannel(name: string, opts: SeedChannel = {}): StandInChannel {
    const { botJoined = true, ...rest } = opts;
    const people = [...this.state.users.keys()];
    const members = rest.members ?? (botJoined ? [BOT_USER_ID, ...people] : people);
    return copy(this.state.addChannel(name, { ...rest, members: botJoined ? members : members.filter((m) => m !== BOT_USER_ID) }));
  }

  /**
   * A person joins (or leaves) a channel on their own, as in Slack's UI; returns the event Slack would send
   * the app, for the test to deliver. Leaves the state unchanged for someone already in (or already out).
   */
  joinChannel(channelId: string, userId: string): SlackEvent {
    const channel = this.requireChannel(channelId);
    if (!channel.members.includes(userId)) channel.members.push(userId);
    return memberJoinedChannelEvent({ userId, channelId });
  }

  leaveChannel(channelId: string, userId: string): SlackEvent {
    const channel = this.requireChannel(channelId);
    channel.members = channel.members.filter((m) => m !== userId);
    return memberLeftChannelEvent({ userId, channelId });
  }

  private requireChannel(channelId: string): StandInChannel {
    const channel = this.state.channels.get(channelId);
    if (!channel) throw new Error(`stand-in: no channel ${channelId}`);
    return channel;
  }

  /**
   * Seeds a message written by a person (for reactions, pins and threads people start). `typed` is what they
   * typed; it is stored escaped, as Slack stores and returns message text.
   */
  addUserMessage(channelId: string, userId: string, typed: string, threadTs?: string): StandInMessage {
    if (!this.state.channels.has(channelId)) throw new Error(`addUserMessage: no channel ${channelId}`);
    const thread = threadTs ? { thread_ts: threadTs } : {};
    const ts = this.state.nextTs();
    return copy(this.state.addMessage({ channel: channelId, ts, ...thread, text: slackEscape(typed), user: userId, pinned: false, reactions: [] }));
  }

  /** The next `times` calls of `method` answer HTTP 200 `{ok:false, error}`. */
  failNext(method: string, error = 'internal_error', times = 1): void {
    this.faults.add(method, { kind: 'fail', error }, times);
  }

  /**
   * The next `times` calls of `method` run (a post is posted) but their answer never arrives: the connection is
   * cut, as when Slack accepted a call and the network or the caller died before the answer came back.
   */
  loseAnswerNext(method: string, times = 1): void {
    this.lostAnswers.add(method, true, times);
  }

  /** The next `times` calls of `method` answer HTTP 429 with `Retry-After: retryAfterSeconds`. */
  rateLimitNext(method: string, retryAfterSeconds: number, times = 1): void {
    this.faults.add(method, { kind: 'rate_limit', retryAfterSeconds }, times);
  }

  /** Adds a person to the workspace (or replaces one). */
  addUser(id: string, user: StandInUser): void {
    this.state.users.set(id, { ...user });
  }

  /** Seeds or replaces a user group's members (what `usergroups.users.list` answers). */
  setUsergroup(id: string, members: readonly string[]): void {
    this.state.usergroups.set(id, [...members]);
  }

  setUserTimeZone(user: string, tz: string): void {
    const known = this.state.users.get(user);
    if (!known) throw new Error(`setUserTimeZone: unknown user ${user}`);
    assertZone(user, tz);
    known.tz = tz;
  }

  /**
   * Every later answer of `method` (`'*'`: of every method without its own delay, `response_url` included)
   * is sent `ms` after the request arrived. Other requests are not held up; `stop()` drops delayed answers.
   */
  delay(method: string, ms: number): void {
    this.latency.set(method, ms);
  }

  /** Clears the delay of one method (or of `'*'`), or every delay. */
  clearDelay(method?: string): void {
    this.latency.clear(method);
  }

  /** Back to a fresh workspace: only #general, no calls, no faults, no delays, empty rate-limit windows. */
  reset(): void {
    this.state = this.freshState();
    this.recorded = [];
    this.faults.clear();
    this.lostAnswers.clear();
    this.latency.clear();
    this.limiter?.clear();
    this.responseUrls.clear();
  }

  private freshState(): StandInState {
    const state = new StandInState(this.clock, this.initialUsers, this.enterpriseId);
    state.addChannel('general', { members: [BOT_USER_ID, ...Object.keys(this.initialUsers)] });
    return state;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const api = /^\/api\/([A-Za-z0-9_.]+)$/.exec(path);
    const response = /^\/response\/([^/]+)$/.exec(path);
    const upload = /^\/upload\/v1\/([^/]+)$/.exec(path);
    if (req.method === 'POST' && upload) return this.answerUpload(req, res, decodeURIComponent(upload[1] ?? ''));
    const download = /^\/files-pri\/([^/]+)\/download\/[^/]+$/.exec(path);
    if (req.method === 'GET' && download) return this.answerDownload(req, res, decodeURIComponent(download[1] ?? ''));
    if (req.method !== 'POST' || (!api && !response)) return sendJson(res, 404, fail('not_found'));
    const raw = await readBody(req);
    const answer = response
      ? this.answerResponseUrl(decodeURIComponent(response[1] ?? ''), raw)
      : this.answerApi(req, api?.[1] ?? '', raw);
    if (!(await this.latency.wait(response ? 'response_url' : (api?.[1] ?? '')))) return;
    if (api && this.lostAnswers.take(api[1] ?? '')) return void req.socket.destroy();
    sendJson(res, answer.status, answer.body, answer.headers);
  }

  /**
   * Socket Mode: `apps.connections.open`, called with this app-level token, answers with this WebSocket URL
   * (a test's own WebSocket server plays Slack's side of the connection).
   */
  useSocketMode(appToken: string, url: string): void {
    this.socketMode = { appToken, url };
  }

  private answerApi(req: IncomingMessage, method: string, raw: string): Answer {
    const decoded = decodeArgs(req.headers['content-type'], raw);
    const args = decoded.ok ? decoded.args : { raw };
    const answer = ((): Answer => {
      if (!decoded.ok) return { status: 200, body: fail(decoded.error) };
      if (method === 'apps.connections.open') {
        const given = tokenOf(req, decoded.args);
        if (!this.socketMode || given !== this.socketMode.appToken) return { status: 200, body: fail(given ? 'invalid_auth' : 'not_authed') };
        return { status: 200, body: { ok: true, url: this.socketMode.url } };
      }
      const refused = refuseCall({ token: this.token, faults: this.faults, limiter: this.limiter, clock: this.clock }, method, tokenOf(req, decoded.args), decoded.args);
      if (refused) return refused;
      return { status: 200, body: callMethod({ state: this.state, baseUrl: this.url, triggerClock: this.triggerClock }, method, decoded.args) };
    })();
    this.record(method, args, answer);
    return answer;
  }

  /**
   * A file's `url_private_download`: its bytes with the bot token as a Bearer header. Without it Slack answers
   * 200 with its HTML sign-in page (not an error), so a client must check what it got.
   */
  private answerDownload(req: IncomingMessage, res: ServerResponse, fileId: string): void {
    const file = this.state.files.find((f) => f.id === fileId);
    const authed = req.headers.authorization === `Bearer ${this.token}`;
    this.record('url_private_download', { file_id: fileId, authed }, { status: 200, body: authed && file ? { ok: true } : { ok: false, error: authed ? 'file_not_found' : 'not_authed' } });
    if (!authed || !file) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!DOCTYPE html><html><body>Sign in to Slack</body></html>');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    res.end(file.content);
  }

  /** An upload_url handed out by files.getUploadURLExternal; faults are queued under `upload_url`. */
  private async answerUpload(req: IncomingMessage, res: ServerResponse, fileId: string): Promise<void> {
    const body = await readBytes(req);
    const fault = this.faults.take('upload_url');
    const answer = fault ? { status: 500, text: fault.kind === 'fail' ? fault.error : 'rate limited' } : await acceptUpload(this.state, fileId, req.headers['content-type'], body);
    this.record('upload_url', { file_id: fileId, bytes: body.length }, { status: answer.status, body: answer.status === 200 ? { ok: true } : { ok: false, error: answer.text } });
    if (!(await this.latency.wait('upload_url'))) return;
    res.writeHead(answer.status, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(answer.text);
  }

  private answerResponseUrl(id: string, raw: string): Answer {
    const decoded = decodeArgs('application/json', raw);
    const entry = this.responseUrls.entry(id);
    const fault = this.faults.take('response_url');
    let answer: Answer;
    if (fault?.kind === 'rate_limit') answer = rateLimited(fault.retryAfterSeconds);
    else if (fault) answer = { status: 404, body: fail(fault.error) };
    else if (!decoded.ok) answer = { status: 400, body: fail('invalid_payload') };
    else answer = answerResponseUrl(this.state, this.responseUrls, entry, decoded.args);
    this.record('response_url', decoded.ok ? decoded.args : { raw }, answer, id);
    return answer;
  }

  private record(method: string, args: Record<string, unknown>, answer: Answer, responseUrlId?: string): void {
    const { token: _token, ...shown } = args;
    this.recorded.push({
      method,
      args: shown,
      at: this.clock.now().toISOString(),
      ok: answer.body.ok,
      ...(answer.body.ok ? {} : { error: answer.body.error }),
      ...(responseUrlId !== undefined ? { responseUrlId } : {}),
    });
  }
}

function assertZone(user: string, tz: string): void {
  if (!isKnownTimeZone(tz)) throw new Error(`Slack stand-in: user ${user} has an unknown time zone ${JSON.stringify(tz)}`);
}
