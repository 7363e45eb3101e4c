/**
 * The bench's Slack, in a process of its own: sends signed `/incident help` commands to the Warden at argv[2] and
 * prints each ack's time. Out of process so that timing the ack measures Warden's event loop, not the client's
 * turns competing with Warden's work in the same loop (Slack is never in Warden's process).
 *
 * Protocol: read a line `N` on stdin, send N commands one after another, print one line of JSON (the times, ms).
 */
import { createInterface } from 'node:readline';
import { sendSlashCommand } from '../test/support/stand-ins/slack/requests/index.js';
import { makeTriggerId } from '../test/support/stand-ins/slack/index.js';

const [url, secret] = process.argv.slice(2) as [string, string];
let sent = 0;

async function burst(n: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++, sent++) {
    const reply = await sendSlashCommand(url, secret, { command: '/incident', text: 'help', userId: `UACK${sent % 50}`, channelId: 'CGENERAL', triggerId: makeTriggerId('UACKBENCH') });
    times.push(reply.elapsedMs);
  }
  return times;
}

for await (const line of createInterface({ input: process.stdin })) {
  const n = Number(line.trim());
  if (!Number.isInteger(n) || n <= 0) break;
  process.stdout.write(`${JSON.stringify(await burst(n))}\n`);
}
