// Per-person and per-workspace limits on slash commands (warden.yaml `limits`), through signed requests. The
// buckets follow real time, so the limits here are small enough that nothing refills during a test.
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { WardenConfigInput } from '../../src/config/index.js';
import { replyText, startHarness, type Harness } from '../support/warden-harness.js';

let h: Harness | undefined;
let lines: string[] = [];
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

async function start(limits: WardenConfigInput['limits']): Promise<Harness> {
  lines = [];
  const logs = new Writable({ write: (chunk: Buffer, _encoding, done) => (lines.push(String(chunk)), done()) });
  h = await startHarness({ config: { limits }, logs });
  return h;
}
const help = async (harness: Harness, user: string) => replyText((await harness.command('/warden', 'help', { user })).body);
async function limited(harness: Harness, scope: string): Promise<number> {
  const text = await (await fetch(`${harness.url}/metrics`)).text();
  return Number(new RegExp(`^warden_commands_rate_limited_total\\{scope="${scope}"\\} (\\d+)$`, 'm').exec(text)?.[1] ?? Number.NaN);
}

describe('a person sending commands faster than the limit', () => {
  it('when a person sends one command more than their burst, then it gets the clear answer, runs nothing, and is counted and logged', async () => {
    const w = await start({ commandBurstPerUser: 3, commandsPerUserPerMinute: 1 });
    for (let i = 0; i < 3; i++) expect(await help(w, 'UALICE')).toContain('/incident help');
    const answer = await help(w, 'UALICE');
    expect(answer).toMatch(/^:hourglass: You have sent 3 commands in the last minute; Warden allows 1 a minute per person \(at most 3 in a row\)\. Try again in \d+ s\./);
    expect(await limited(w, 'user')).toBe(1);
    expect(await limited(w, 'workspace')).toBe(0);
    const warned = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === 'slash command over the rate limit');
    expect(warned).toEqual([expect.objectContaining({ level: 40, scope: 'user', user: 'UALICE' })]);
  });

  it('when one person is over their limit, then another person is unaffected', async () => {
    const w = await start({ commandBurstPerUser: 2, commandsPerUserPerMinute: 1 });
    await help(w, 'UALICE');
    await help(w, 'UALICE');
    expect(await help(w, 'UALICE')).toContain(':hourglass:');
    expect(await help(w, 'UBOB')).toContain('/incident help');
  });

  it('when a person is over the limit, then a declare is refused before anything is stored', async () => {
    const w = await start({ commandBurstPerUser: 1, commandsPerUserPerMinute: 1 });
    await w.incident('list');
    const res = await w.incident('declare sev1 Flood');
    expect(res.body).toMatchObject({ response_type: 'ephemeral' });
    expect(replyText(res.body)).toContain(':hourglass:');
    await w.settle();
    expect(w.warden.store.incidents.listOpen()).toHaveLength(0);
    expect(w.slack.calls('conversations.create')).toHaveLength(0);
  });
});

describe('a workspace sending more commands than its limit', () => {
  it('when the workspace has used its commands, then the next person gets the workspace answer', async () => {
    const w = await start({ commandsPerWorkspacePerMinute: 3 });
    for (const user of ['UALICE', 'UBOB', 'UCAROL']) expect(await help(w, user)).toContain('/incident help');
    expect(await help(w, 'UDAVE')).toMatch(/^:hourglass: This workspace has sent 3 commands in the last minute; Warden allows 3 a minute for everyone together\. Try again in \d+ s\./);
    expect(await limited(w, 'workspace')).toBe(1);
  });
});
