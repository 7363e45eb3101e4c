import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultConfig, parseConfig } from '../../config/index.js';
import { auditRepo, checkpointFile, signHead, verifyAuditDatabase } from '../../features/audit/index.js';
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { ManualClock } from '../../platform/clock.js';
import { sendBlockAction, sendEvent, sendViewSubmission } from '../../../test/support/stand-ins/slack/requests/index.js';
import { sendCommandSeeingReply } from '../../../test/support/stand-ins/slack/command-reply.js';
import { BOT_ID, BOT_USER_ID, makeTriggerId, startSlackStandIn } from '../../../test/support/stand-ins/slack/index.js';
import { startPagerDutyStandIn } from '../../../test/support/stand-ins/pagerduty/index.js';
import { createPagerDuty } from '../../adapters/pagerduty/index.js';
import { createWarden, type Warden } from '../../compose.js';
import { PACKAGE_ROOT } from '../package-root.js';
import { createLogger } from '../../platform/logger.js';
import type { CliIo } from '../commands/config-check.js';
import { wardenFeatures } from '../../compose-features.js';
import { createDemoPrinter } from './demo-printer.js';
import { demoScript, type DemoContext } from './script.js';

// Made up for this process only; the demo never talks to real Slack.
const DEMO_SECRET = `demo-${process.pid}-${Date.now()}`;
const DEMO_TOKEN = 'demo-stand-in-token';

/**
 * `warden demo`: Warden on a temp SQLite file, with a local Slack stand-in in-process, plays a scripted
 * incident through signed requests exactly as Slack would send them, and prints the conversation.
 */
/** The demo workspace's @legal user group, whose members approve notices. */
const DEMO_APPROVERS_GROUP = 'S0LEGAL01';
const DEMO_MANAGERS_GROUP = 'S0MANAGE1';
/** The demo's Events API v2 routing key (32 characters, as PagerDuty's are; not a real one). */
const DEMO_ROUTING_KEY = 'demo0routing0key0not0a0real0one0';

export async function runDemo(io: CliIo): Promise<number> {
  // Today at 09:05 UTC, so the script's times (a 08:55 config push, errors from 09:02) read true.
  const start = new Date(`${new Date().toISOString().slice(0, 10)}T09:05:00Z`);
  const clock = new ManualClock(start);
  const slack = await startSlackStandIn({ token: DEMO_TOKEN, clock });
  // PagerDuty too is a local stand-in (HTTPS, with a certificate made now): the sev1 pages it.
  const pd = await startPagerDutyStandIn({ routingKeys: [DEMO_ROUTING_KEY] });
  const dir = mkdtempSync(join(tmpdir(), 'warden-demo-'));
  let warden: Warden | null = null;
  try {
    const announcements = slack.addChannel('incidents');
    // A throwaway checkpoint key: the demo signs its audit chain as a real deployment would.
    const auditKey = { key: generateKeyPairSync('ed25519').privateKey, path: join(dir, 'audit-checkpoints.jsonl') };
    slack.addChannel('security-managers'); // the default managers' channel, for escalations of overdue clocks
    slack.setUsergroup(DEMO_APPROVERS_GROUP, ['UCAROL']); // @legal: its members are Warden approvers
    slack.setUsergroup(DEMO_MANAGERS_GROUP, ['UALICE']); // @sec-managers: Warden managers (patch SLAs, digests)
    // The shipped playbooks and templates, wherever the demo is run from.
    const config = parseConfig({
      timeZone: defaultConfig().timeZone,
      channels: { announcements: announcements.id },
      playbooks: { dirs: [join(PACKAGE_ROOT, 'playbooks')] },
      templates: { dir: join(PACKAGE_ROOT, 'templates') },
      permissions: { roles: { approver: { groups: [DEMO_APPROVERS_GROUP] }, manager: { groups: [DEMO_MANAGERS_GROUP] } } },
      // The script sends a whole incident's commands in a few real seconds; the limits are for people.
      limits: { commandsPerUserPerMinute: 100_000, commandBurstPerUser: 100_000, commandsPerWorkspacePerMinute: 100_000 },
    });
    warden = createWarden({
      credentials: { mode: 'http', botToken: DEMO_TOKEN, signingSecret: DEMO_SECRET, apiUrl: slack.apiUrl },
      config,
      dbPath: join(dir, 'warden.db'),
      logger: createLogger({ level: process.env.LOG_LEVEL ?? 'silent' }),
      clock,
      features: wardenFeatures(config, undefined, { pagerDuty: createPagerDuty({ eventsUrl: pd.url, apiUrl: pd.url, token: pd.token, ca: pd.caPem }), routingKey: DEMO_ROUTING_KEY, env: {} }, auditKey),
      botId: BOT_ID,
      botUserId: BOT_USER_ID,
    });
    const running = warden;
    const port = await running.start(0, '127.0.0.1');
    const url = `http://127.0.0.1:${port}`;
    const printer = createDemoPrinter(slack, io.out);
    const ctx: DemoContext = {
      clock,
      slack,
      warden: running,
      say: io.out,
      async command(user, text, channel = 'C0GENERAL') {
        const name = slack.users()[user]?.name ?? user;
        // `/patch add ...` names its root; anything else is an `/incident` verb.
        const [command, args] = text.startsWith('/') ? [text.split(' ')[0] ?? '/incident', text.slice(text.indexOf(' ') + 1)] : ['/incident', text];
        io.out(`\n▶ @${name}: ${command} ${args}`);
        // A verb that had to ask Slack first (a modal, the person's time zone) answers through the response_url.
        const app = { url, secret: DEMO_SECRET, settled: () => running.afterAckIdle() };
        const res = await sendCommandSeeingReply(slack, app, { command, text: args, userId: user, channelId: channel, triggerId: makeTriggerId(user) });
        const body = res.body as { text?: string; blocks?: unknown[] } | string;
        const reply = typeof body === 'string' ? body : body?.text;
        const blocks = typeof body === 'string' ? undefined : body?.blocks;
        // A reply in blocks (a list, the digest) is shown as its blocks read; a plain one as its text.
        const [first, ...more] = blocks?.length ? printer.replyLines(reply ?? '', blocks) : [reply ? printer.readable(reply) : ''];
        if (first) io.out(`   ↳ (only you see this) ${first}`);
        for (const line of more) io.out(`     ${line}`);
        await running.runner.idle();
        printer.flush();
      },
      async event(event) {
        await sendEvent(url, DEMO_SECRET, event);
        await new Promise((r) => setTimeout(r, 20));
        await running.runner.idle();
        printer.flush();
      },
      async action(action, what) {
        io.out(`\n▶ ${what}`);
        await sendBlockAction(url, DEMO_SECRET, action);
        await running.runner.idle();
        printer.flush();
      },
      async submit(submission, what) {
        io.out(`\n▶ ${what}`);
        await sendViewSubmission(url, DEMO_SECRET, submission);
        await running.runner.idle();
        printer.flush();
      },
      async advance(ms, why) {
        clock.advance(ms);
        io.out(`\n⏱  ${why}`);
        await running.runner.idle();
        printer.flush();
      },
    };
    await demoScript(ctx);
    io.out('\n— what PagerDuty received —');
    for (const e of pd.events()) io.out(`  ${e.action} ${e.dedupKey}${e.storedSummary ? `: ${e.storedSummary}` : ''}`);
    // A checkpoint signed now with the demo's throwaway key, then everything `warden audit verify` checks.
    signHead({ head: () => auditRepo(running.db).head(), file: checkpointFile(auditKey.path) }, auditKey.key, clock.now());
    const report = await verifyAuditDatabase(running.db, { checkpoints: auditKey.path, publicKeys: [createPublicKey(auditKey.key)], timeline: running.store.timeline.digests() });
    const verdict = { ok: report.problems.length === 0 };
    io.out(`\n— audit chain: ${verdict.ok ? `${report.entries} entries and their timeline verified against a signed checkpoint` : `FAILED: ${report.problems[0]?.message}`}`);
    io.out('\n— the workspace at the end, channel by channel —\n');
    io.out(printer.transcript());
    return verdict.ok ? 0 : 1;
  } finally {
    await warden?.stop();
    await slack.stop();
    await pd.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
