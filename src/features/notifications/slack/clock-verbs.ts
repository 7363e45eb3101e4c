import { z } from 'zod';
import { applicableIds } from '../app/clocks/clock-catalog.js';
import { clockBoardOf, requestBoardRefresh } from '../app/clocks/clock-board.js';
import type { ClockDeps } from '../app/clocks/clock-deps.js';
import { parseClockTime } from '../app/clocks/parse-clock-time.js';
import { recordClockEvent } from '../app/clocks/record-clock-event.js';
import { applyRegime, removeRegime } from '../app/clocks/apply-regime.js';
import { chooseEntity } from '../app/clocks/choose-entity.js';
import { incidentEntity } from '../app/clocks/incident-deadlines.js';
import { openSuggestions } from '../app/clocks/suggest-incident-regimes.js';
import { incidentInChannel } from '../../incidents/index.js';
import { formatLocal, formatUtc } from '../domain/deadlines/format-instant.js';
import { WardenError } from '../../../platform/errors.js';
import { CLOCK_EVENTS, type ClockEvent } from '../../incidents/index.js';
import { escapeMrkdwn, mention, slackDate } from '../../../adapters/slack/escape.js';
import type { WebClient } from '../../../adapters/slack/gateway.js';
import { afterAck, reply, type CommandContext, type Reply, type SlackDeps, type Verb } from '../../../adapters/slack/commands/registry.js';
import { boardMessages } from './board-blocks.js';
import { readerZone } from '../../../adapters/slack/reader-zone.js';
import { obligationLabel } from './clock-text.js';

export type ClockSlackDeps = ClockDeps & SlackDeps;

const words = (args: string) => args.split(/\s+/).filter(Boolean);
const REGIME_ID = z.string().regex(/^[a-z0-9][a-z0-9._:-]{0,79}$/);

function parseEvent(word: string | undefined): ClockEvent {
  const parsed = z.enum(CLOCK_EVENTS).safeParse(word?.toLowerCase());
  if (parsed.success) return parsed.data;
  const got = word ? `Unknown clock event \`${escapeMrkdwn(word.slice(0, 40))}\`.` : 'Missing the clock event.';
  throw new WardenError('bad_input', `${got} Events: ${CLOCK_EVENTS.join(', ')}. Usage: \`/incident clock &lt;event&gt; [time]\``);
}

/** The person's Slack time zone (users.info), else the configured display zone. */
const zoneOf = (slack: WebClient, ctx: CommandContext): Promise<string> => readerZone(slack, ctx.userId, ctx.deps.policy.timeZone);

export function clockVerbs(deps: ClockSlackDeps): Verb[] {
  const clock: Verb = {
    name: 'clock',
    help: { usage: 'clock [event] [time]', summary: 'record a legal clock event (became_aware ...); no event lists them', inChannel: true },
    run(ctx) {
      const incident = incidentInChannel(deps.store, ctx.channelId, 'clock');
      const [first, ...rest] = words(ctx.args);
      if (!first) return listEvents(deps, incident.id);
      const event = parseEvent(first);
      // A local time is read in the person's Slack zone, which only users.info knows: after the ack.
      return afterAck(async (slack) => {
        const zone = await zoneOf(slack, ctx);
        const { at } = parseClockTime(rest.join(' '), zone, deps.clock.now());
        const result = recordClockEvent(deps, { userId: ctx.userId }, incident.id, event, at);
        const when = `*${formatUtc(at)}* (UTC) = ${formatLocal(at, zone)} (your time)`;
        if (!result.changed) return reply(`\`${event}\` is already recorded at ${when}. Nothing changed.`);
        const correction = result.previous ? ` Corrected from ${formatUtc(result.previous)}; the old value stays in the timeline and the audit log.` : '';
        return reply(`:stopwatch: Recorded \`${event}\` at ${when}.${correction} Deadlines and reminders are recomputed: \`/incident deadlines\`.`);
      });
    },
  };

  const regime: Verb = {
    name: 'regime',
    help: { usage: 'regime [add|remove <id>]', summary: 'apply or remove a notification regime or customer contract; no text lists them', inChannel: true },
    run(ctx) {
      const incident = incidentInChannel(deps.store, ctx.channelId, 'regime');
      const [action, id, ...more] = words(ctx.args);
      if (!action) return listRegimes(deps, incident.id, incident.flags);
      if (action !== 'add' && action !== 'remove') {
        throw new WardenError('bad_input', 'Usage: `/incident regime add &lt;id&gt;`, `/incident regime remove &lt;id&gt;`, or `/incident regime` to list.');
      }
      if (!id || !REGIME_ID.safeParse(id).success) {
        const got = id ? `\`${escapeMrkdwn(id.slice(0, 40))}\` is not a regime id.` : 'Missing the regime id.';
        throw new WardenError('bad_input', `${got} Available: ${applicableIds(deps.catalog).join(', ')}.`);
      }
      if (more.length > 0) throw new WardenError('bad_input', `One regime at a time: \`/incident regime ${action} ${id}\`, then the next.`);
      if (action === 'add') {
        const entry = applyRegime(deps, { userId: ctx.userId }, incident.id, id);
        return reply(`Applied *${escapeMrkdwn(entry.regime.name)}* (${obligationLabel(entry)}). The board is being updated.`);
      }
      removeRegime(deps, { userId: ctx.userId }, incident.id, id);
      return reply(`Removed \`${id}\`.`);
    },
  };

  const deadlines: Verb = {
    name: 'deadlines',
    help: { usage: 'deadlines', summary: 'the notification deadline board (also pinned in the channel)', inChannel: true },
    run(ctx) {
      const incident = incidentInChannel(deps.store, ctx.channelId, 'deadlines');
      requestBoardRefresh(deps, incident.id);
      const [first, ...more] = boardMessages(clockBoardOf(deps, incident.id, deps.clock.now()));
      if (!first) return reply('No deadlines.');
      const note = more.length > 0 ? [{ type: 'context' as const, elements: [{ type: 'mrkdwn' as const, text: `…${more.length} more part(s) in the pinned board.` }] }] : [];
      return { text: first.text, blocks: [...first.blocks.slice(0, 49), ...note] };
    },
  };

  const entity: Verb = {
    name: 'entity',
    help: { usage: 'entity [name]', summary: 'the legal entity the deadlines are computed for (relief, calendar, zone); an approver chooses another', inChannel: true },
    run(ctx) {
      const incident = incidentInChannel(deps.store, ctx.channelId, 'entity');
      const name = ctx.args.trim();
      if (!name) return showEntity(deps, incident.id);
      const { entity: chosen, previous } = chooseEntity(deps, { userId: ctx.userId }, incident.id, name);
      const was = previous && previous.name !== chosen.name ? ` (was ${escapeMrkdwn(previous.name)})` : '';
      return reply(`:classical_building: ${incident.id}'s deadlines are now computed for *${escapeMrkdwn(chosen.name)}*${was}: ${chosen.type}, ${chosen.country} holidays, ${chosen.zone}. The board and reminders are recomputed.`);
    },
  };

  return [clock, regime, deadlines, entity];
}

function showEntity(deps: ClockDeps, incidentId: string): Reply {
  const { entity, chosen, warning } = incidentEntity(deps, incidentId);
  const all = deps.catalog.entities ?? [];
  if (!entity) return reply('No entity is configured, so no weekend relief applies and EU calendars fall back to Brussels: add `company.entities` to warden.yaml (docs/entities.md).');
  const how = chosen ? 'chosen for this incident' : 'the first of company.entities';
  const list = all.map((e) => `• \`${escapeMrkdwn(e.name)}\` ${e.type}, ${e.country}, ${e.zone}`).join('\n');
  const note = warning ? `\n:warning: ${escapeMrkdwn(warning)}` : '';
  return reply(`Deadlines of ${incidentId} are computed for *${escapeMrkdwn(entity.name)}* (${how}).${note}\n\n*Configured*\n${list}\n\nAn approver chooses another with \`/incident entity &lt;name&gt;\`.`);
}

function listEvents(deps: ClockDeps, incidentId: string): Reply {
  const events = deps.clocks.events(incidentId);
  const lines = events.map((e) => `• \`${e.event}\` ${slackDate(e.at)} (${formatUtc(e.at)}), recorded by ${mention(e.recordedBy)} ${slackDate(e.recordedAt)}`);
  const head = events.length > 0 ? `*Clock events of ${incidentId}*\n${lines.join('\n')}` : `No clock event recorded for ${incidentId} yet.`;
  return reply(`${head}\n\nEvents: ${CLOCK_EVENTS.join(', ')}. Record one with \`/incident clock &lt;event&gt; [time]\`.`);
}

function listRegimes(deps: ClockDeps, incidentId: string, flags: Parameters<typeof openSuggestions>[2]): Reply {
  const applied = deps.clocks.regimes(incidentId).map((r) => {
    const entry = deps.catalog.entries.get(r.regimeId);
    return `• \`${r.regimeId}\` ${escapeMrkdwn(entry?.regime.name ?? '(no longer in the catalog)')}${entry ? ` · ${obligationLabel(entry)}` : ''}, applied by ${mention(r.appliedBy)}`;
  });
  const suggested = openSuggestions(deps, incidentId, flags).map((s) => `• \`${s.regimeId}\`: ${escapeMrkdwn(s.why)}`);
  const parts = [
    applied.length > 0 ? `*Applied*\n${applied.join('\n')}` : '*Applied*: none yet.',
    suggested.length > 0 ? `*Suggested by the incident's flags* (a person confirms)\n${suggested.join('\n')}` : '',
    `*Available*: ${applicableIds(deps.catalog).join(', ')}`,
    'Apply one with `/incident regime add &lt;id&gt;`.',
  ];
  return reply(parts.filter(Boolean).join('\n\n'));
}
