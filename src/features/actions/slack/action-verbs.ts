import { WardenError } from '../../../platform/errors.js';
import { parseUserRef, splitVerb } from '../../../adapters/slack/commands/args.js';
import { reply, type CommandContext, type Reply, type Verb } from '../../../adapters/slack/commands/registry.js';
import { escapeMrkdwn, mention, slackDate, truncate } from '../../../adapters/slack/escape.js';
import { addAction } from '../app/add-action.js';
import { changeActionDue, reassignAction } from '../app/change-action.js';
import { completeAction } from '../app/complete-action.js';
import type { ActionDeps } from '../app/deps.js';
import { reachIncident, type ActionPlace } from '../app/reach-incident.js';
import { listOrder, normalizeActionId } from '../domain/action-item.js';
import { DUE_FORMS } from '../domain/due-date.js';
import { doneHint, itemLine, listBlocks } from './action-texts.js';

/** Each sub-verb's usage; `[INC-…]` names the incident from outside its channel. */
const HELP = {
  add: ['action add [INC-…] @owner <due> <text>', `a follow-up with an owner and a due time: ${DUE_FORMS}`],
  done: ['action done [INC-…] <id> [evidence]', 'close an item (its owner, the commander or an admin)'],
  list: ['action list [INC-…|mine]', "the incident's items, or your open items everywhere"],
  reassign: ['action reassign [INC-…] <id> @person', 'give an item to someone else'],
  due: ['action due [INC-…] <id> <due>', 'move the due time; reminders start again'],
} as const;
type Sub = keyof typeof HELP;

export const USAGE = [
  '*Action items* outlive the incident: they stay open after it closes, until done. Reminders go to the owner by DM.',
  ...Object.values(HELP).map(([usage, summary]) => `• \`/incident ${usage}\` ${summary}`),
].join('\n');

const usageOf = (sub: Sub) => `/incident ${HELP[sub][0]}`;
const INCIDENT_ID = /^INC-\d{4}-\d{1,6}$/i;
const CLOCK_TIME = /^\d{1,2}:\d{2}$/;

/** The words after the sub-verb, with a leading incident id taken off. */
function placeOf(ctx: CommandContext, rest: string): { place: ActionPlace; words: string[] } {
  const words = rest.split(/\s+/).filter(Boolean);
  const named = words[0] !== undefined && INCIDENT_ID.test(words[0]) ? (words.shift() as string).toUpperCase() : null;
  return { place: { userId: ctx.userId, channelId: ctx.channelId, incidentId: named }, words };
}

function idArg(word: string | undefined, sub: Sub): string {
  const id = word === undefined ? null : normalizeActionId(word);
  if (id) return id;
  const got = word ? `\`${escapeMrkdwn(truncate(word, 40))}\` is not an action item id (they read A1, A2 ...).` : 'Name the action item (A1, A2 ...).';
  throw new WardenError('bad_input', `${got} Usage: \`${escapeMrkdwn(usageOf(sub))}\``);
}

/** A due time typed as a date and a clock time in two words (`2026-12-15 14:00`) reads as one. */
function dueWords(words: string[]): string {
  const first = words.shift() ?? '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(first) && words[0] !== undefined && CLOCK_TIME.test(words[0])) return `${first}T${(words.shift() as string).padStart(5, '0')}`;
  return first;
}

function subcommands(deps: ActionDeps): Record<Sub, (ctx: CommandContext, rest: string) => Reply> {
  return {
    add(ctx, rest) {
      const { place, words } = placeOf(ctx, rest);
      if (!words[0] || !/^<@/.test(words[0])) throw new WardenError('bad_input', `Name the owner first, with @ so Slack completes the name. Usage: \`${escapeMrkdwn(usageOf('add'))}\``);
      const owner = parseUserRef(words.shift(), usageOf('add'));
      if (!words[0]) throw new WardenError('bad_input', `Missing the due date: ${DUE_FORMS}. Usage: \`${escapeMrkdwn(usageOf('add'))}\``);
      const due = dueWords(words);
      const item = addAction(deps, place, { owner, due, text: words.join(' ') });
      return reply(`Added *${item.id}* to ${item.incidentId} for ${mention(item.owner)}, due ${slackDate(item.dueAt)}: ${escapeMrkdwn(item.text)}\nReminders go to ${mention(item.owner)} by DM; close it with ${doneHint(item)}.`);
    },
    done(ctx, rest) {
      const { place, words } = placeOf(ctx, rest);
      const id = idArg(words.shift(), 'done');
      const item = completeAction(deps, place, id, words.join(' '));
      return reply(`:white_check_mark: *${item.id}* of ${item.incidentId} is done: ${escapeMrkdwn(item.text)}`);
    },
    list(ctx, rest) {
      const { place, words } = placeOf(ctx, rest);
      const now = deps.clock.now();
      if (words[0]?.toLowerCase() === 'mine' && place.incidentId === null) {
        const mine = deps.actions.openOwnedBy(ctx.userId, 100);
        if (mine.length === 0) return reply('You have no open action items.');
        return listBlocks(`*Your open action items* (${mine.length})`, mine.map((i) => itemLine(i, now, true)));
      }
      if (words.length > 0) throw new WardenError('bad_input', `Usage: \`${usageOf('list')}\``);
      const { incident } = reachIncident(deps, place);
      const items = deps.actions.ofIncident(incident.id).sort(listOrder);
      if (items.length === 0) return reply(`${incident.id} has no action items yet. Add one with \`/incident action add @owner &lt;due&gt; &lt;text&gt;\`.`);
      const open = items.filter((i) => i.status === 'open').length;
      return listBlocks(`*Action items of ${incident.id}* (${open} open, ${items.length - open} done)`, items.map((i) => itemLine(i, now)));
    },
    reassign(ctx, rest) {
      const { place, words } = placeOf(ctx, rest);
      const id = idArg(words.shift(), 'reassign');
      if (words.length !== 1) throw new WardenError('bad_input', `Name one person to give it to. Usage: \`${usageOf('reassign')}\``);
      const item = reassignAction(deps, place, id, parseUserRef(words[0], usageOf('reassign')));
      return reply(`*${item.id}* of ${item.incidentId} is now ${mention(item.owner)}'s, due ${slackDate(item.dueAt)}; reminders go to them.`);
    },
    due(ctx, rest) {
      const { place, words } = placeOf(ctx, rest);
      const id = idArg(words.shift(), 'due');
      const due = dueWords(words);
      if (words.length > 0) throw new WardenError('bad_input', `Only the due time follows the id: ${DUE_FORMS}. Usage: \`${usageOf('due')}\``);
      const item = changeActionDue(deps, place, id, due);
      return reply(`*${item.id}* of ${item.incidentId} is now due ${slackDate(item.dueAt)}; its reminders start again.`);
    },
  };
}

/** `/incident action add|done|list|reassign|due ...`: parse, call one use case, reply (ephemeral). */
export function actionVerb(deps: ActionDeps): Verb {
  const sub = subcommands(deps);
  return {
    name: 'action',
    help: { usage: 'action add|done|list|reassign|due', summary: 'action items with an owner and a due date (`/incident action help` for each)', inChannel: false },
    run(ctx) {
      const { verb, rest } = splitVerb(ctx.args);
      if (Object.hasOwn(sub, verb)) return sub[verb as Sub](ctx, rest);
      const unknown = verb && verb !== 'help' ? `:warning: Unknown \`action ${escapeMrkdwn(truncate(verb, 40))}\`.\n` : '';
      return reply(`${unknown}${USAGE}`);
    },
  };
}
