/**
 * The same reads end to end: a signed `/incident list` and `/warden whoami` through a started Warden (Bolt,
 * the listener wrapper, the reply in the ack) at 10 / 1,000 / 10,000 open, each as a ratio to `/incident help`
 * on the same path in the same run (no read at all). Flat: the ratio at 10,000 within 1.5x of the one at 10.
 */
import { join } from 'node:path';
import { ManualClock } from '../src/platform/clock.js';
import { sendSlashCommand } from '../test/support/stand-ins/slack/requests/index.js';
import { makeTriggerId } from '../test/support/stand-ins/slack/index.js';
import { BENCH_SECRET, NOW, seed, verdict, VIEWER, wardenOn, type BenchSlack, type Fmt, type Row, type Sized } from './incident-reads-world.js';

const REQUESTS = 40;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function acksAt(dir: string, open: number, slack: BenchSlack): Promise<{ list: number; whoami: number; help: number }> {
  const path = join(dir, `reads-http-${open}.db`);
  seed(path, open, 0);
  const w = wardenOn(path, new ManualClock(NOW), slack);
  const url = `http://127.0.0.1:${await w.start(0, '127.0.0.1')}`;
  const send = async (command: string, text: string) =>
    (await sendSlashCommand(url, BENCH_SECRET, { command, text, userId: VIEWER, channelId: 'CGENERAL', triggerId: makeTriggerId(VIEWER) })).elapsedMs;
  try {
    for (let i = 0; i < 5; i++) await send('/incident', 'help');
    const [list, whoami, help]: [number[], number[], number[]] = [[], [], []];
    for (let i = 0; i < REQUESTS; i++) {
      help.push(await send('/incident', 'help'));
      list.push(await send('/incident', 'list'));
      whoami.push(await send('/warden', 'whoami'));
    }
    return { list: median(list), whoami: median(whoami), help: median(help) };
  } finally {
    await w.stop();
  }
}

export async function benchIncidentReadsHttp(dir: string, slack: BenchSlack, f: Fmt): Promise<Row[]> {
  const sizes = [10, 1_000, 10_000];
  const acks: { n: number; list: number; whoami: number; help: number }[] = [];
  for (const n of sizes) acks.push({ n, ...(await acksAt(dir, n, slack)) });
  const of = (k: 'list' | 'whoami'): Sized[] => acks.map((a) => ({ label: `${a.n.toLocaleString('en')} open`, subject: a[k], base: a.help }));
  return [
    ...verdict('/incident list end to end (signed request to the reply in its ack), p50 vs /incident help', of('list'), f),
    ...verdict('/warden whoami end to end, p50 vs /incident help', of('whoami'), f),
  ];
}
