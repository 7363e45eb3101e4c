/**
 * The bench's Slack under load, in a process of its own: signed `/incident` commands, shaped as Slack sends them
 * and signed with argv[2], into the app at the load's `url` over 10 keep-alive connections, sent on a fixed schedule (open loop). Each latency runs
 * from the request's scheduled send time, so a stall that holds the next sends back is counted, not hidden.
 *
 * Protocol: read a line of JSON `Load` on stdin, run it, print one line of JSON `LoadResult`. `{n}` in the text
 * becomes the request's number in this process (distinct declare titles).
 */
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { eventsEndpoint, FORM, signedHeaders, slashCommandFields } from '../test/support/stand-ins/slack/requests/index.js';
import { makeTriggerId } from '../test/support/stand-ins/slack/index.js';

export interface Load {
  /** The app's origin (`http://127.0.0.1:PORT`): commands go to its `/slack/events`. */
  url: string;
  text: string;
  perSecond: number;
  count: number;
  /** A 200 whose body does not contain this is counted as unexpected (a declare that did not declare). */
  expect?: string;
}

export interface LoadResult {
  latencies: number[];
  /** Answers other than HTTP 200, and transport errors. */
  failed: number;
  unexpected: number;
}

const secret = process.argv[2] as string;
// A socket idle for 4 s is closed here, before the server's keep-alive timeout (Node's 5 s) closes it under a
// request: between the bench's phases the connections sit idle for seconds, and a reused one was reset (ECONNRESET).
const agent = new Agent({ keepAlive: true, maxSockets: 10, timeout: 4000 });
let sent = 0;

function post(endpoint: URL, body: string): Promise<{ status: number; text: string }> {
  const headers = { 'Content-Type': FORM, 'Content-Length': String(Buffer.byteLength(body)), ...signedHeaders(secret, body) };
  return new Promise((resolve, reject) => {
    const req = request(endpoint, { method: 'POST', agent, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function run(load: Load): Promise<LoadResult> {
  const result: LoadResult = { latencies: [], failed: 0, unexpected: 0 };
  const endpoint = new URL(eventsEndpoint(load.url));
  const one = async (due: number) => {
    const n = sent++;
    const userId = `ULOAD${String(n % 50).padStart(3, '0')}`;
    const body = new URLSearchParams(slashCommandFields({ command: '/incident', text: load.text.replaceAll('{n}', String(n)), userId, channelId: 'CGENERAL', triggerId: makeTriggerId(userId) })).toString();
    try {
      const reply = await post(endpoint, body);
      result.latencies.push(performance.now() - due);
      if (reply.status !== 200) result.failed++;
      else if (load.expect !== undefined && !reply.text.includes(load.expect)) result.unexpected++;
    } catch {
      result.failed++;
    }
  };
  const gap = 1000 / load.perSecond;
  const start = performance.now() + 10;
  const inFlight: Promise<void>[] = [];
  let next = 0;
  await new Promise<void>((done) => {
    const tick = () => {
      for (let due = start + next * gap; next < load.count && due <= performance.now(); due = start + ++next * gap) inFlight.push(one(due));
      if (next < load.count) setTimeout(tick, Math.max(0, start + next * gap - performance.now()));
      else done();
    };
    setTimeout(tick, 10);
  });
  await Promise.all(inFlight);
  return result;
}

for await (const line of createInterface({ input: process.stdin })) {
  if (line.trim() === '') break;
  process.stdout.write(`${JSON.stringify(await run(JSON.parse(line) as Load))}\n`);
}
agent.destroy();
