import type { ManualClock } from '../../platform/clock.js';
import { pinAddedEvent } from '../../../test/support/stand-ins/slack/requests/index.js';
import type { SlackStandIn } from '../../../test/support/stand-ins/slack/index.js';
import type { Warden } from '../../compose.js';
import type { BlockAction, ViewSubmission } from '../../../test/support/stand-ins/slack/requests/index.js';
import { clockScene } from './clock-scene.js';
import { playbookScene } from './playbook-scene.js';

/** The incident a scene works in. */
export interface DemoIncident {
  id: string;
  channelId: string;
}

export interface DemoContext {
  clock: ManualClock;
  slack: SlackStandIn;
  warden: Warden;
  say(text: string): void;
  command(user: string, text: string, channel?: string): Promise<void>;
  event(event: Record<string, unknown> & { type: string }): Promise<void>;
  /** A signed button click, narrated with `what`. */
  action(action: BlockAction, what: string): Promise<void>;
  /** A signed modal submission, narrated with `what`. */
  submit(submission: ViewSubmission, what: string): Promise<void>;
  advance(ms: number, why: string): Promise<void>;
}

const MIN = 60_000;

/** The incident the demo just declared, read by the channel Warden opened for it (the newest one), not from the open list. */
function declaredIncident(d: DemoContext): DemoIncident {
  const opened = d.slack.channels().at(-1);
  const incident = opened ? d.warden.store.incidents.byChannel(opened.id) : null;
  if (!incident?.channelId) throw new Error('the demo incident has no channel');
  return { id: incident.id, channelId: incident.channelId };
}

/** The scripted incident: declare a sev1, hand out roles, work it, resolve it, record its review and close it. */
export async function demoScript(d: DemoContext): Promise<void> {
  d.say('Warden demo: a scripted sev1, played against a local Slack stand-in. Nothing leaves this machine.');
  await d.command('UALICE', 'declare sev1 Payments API returning 500s');
  const incident = declaredIncident(d);
  const channel = incident.channelId;

  await d.command('UALICE', 'role comms <@UBOB|bob>', channel);
  await d.command('UALICE', 'role ops <@UCAROL|carol>', channel);
  await playbookScene(d, incident);
  await clockScene(d, incident);
  await d.command('UCAROL', 'update Error rate 38% on /v2/charges since 09:02; suspect the 08:55 config push. Rolling back.', channel);
  const found = d.slack.addUserMessage(channel, 'UCAROL', 'Root cause: connection pool size set to 0 by the 08:55 config push.');
  d.say(`\n▶ @carol pins her message: "${found.text}"`);
  await d.event(pinAddedEvent({ userId: 'UCAROL', channelId: channel, messageTs: found.ts, text: found.text }));
  d.say('   ✚ Warden added it to the timeline, stamped with the message time');
  await d.command('UALICE', 'status identified', channel);
  await d.advance(30 * MIN, '30 minutes pass with no update: the sev1 cadence is 30 minutes.');
  await d.command('UBOB', 'note Support macro published; status page updated.', channel);
  await d.command('UCAROL', 'update Rollback complete; error rate back to 0.1%. Watching for 30 minutes.', channel);
  await d.command('UALICE', 'status monitoring', channel);
  await d.advance(30 * MIN, '30 quiet minutes later.');
  await d.command('UALICE', 'action add <@UCAROL|carol> +3d Alert when the connection pool size drops to 0', channel);
  await d.command('UALICE', 'resolve', channel);
  await d.advance(60 * MIN, 'An hour later: no more reminders, the incident is resolved.');
  await d.command('UALICE', 'pir', channel);
  await d.command('UALICE', 'pir draft', channel);
  await d.command('UBOB', 'close', channel);
  await d.command('UALICE', 'close', channel);
  await d.command('UALICE', `pir done https://wiki.example.com/reviews/${incident.id}`, channel);
  await d.command('UALICE', 'close', channel);
  await betweenIncidents(d);
  const timeline = d.warden.store.timeline.list(incident.id);
  d.say(`\n— timeline of ${incident.id} (${timeline.length} entries) —`);
  for (const e of timeline) d.say(`  ${e.at.toISOString().slice(11, 16)}Z  ${e.kind.padEnd(16)} ${e.text}`);
}

/** After the incident: a finding on its patch SLA, the recurring controls, and the managers' digest on demand. */
async function betweenIncidents(d: DemoContext): Promise<void> {
  d.say("\n— between incidents: patch SLAs, access reviews and the managers' digest —");
  await d.command('UBOB', '/patch add CVE-2026-4242 critical <@UCAROL|carol> payments-api OpenSSL heap overflow in the TLS terminator');
  await d.command('UCAROL', '/patch list mine');
  await d.command('UALICE', '/access-review list');
  await d.command('UALICE', '/warden digest');
}
