import { parseUserRef } from '../../../adapters/slack/commands/args.js';
import { reply, type Verb } from '../../../adapters/slack/commands/registry.js';
import { escapeMrkdwn, mention, slackDate, truncate } from '../../../adapters/slack/escape.js';
import { WardenError } from '../../../platform/errors.js';
import { addSystem, setControlOwner } from '../app/change-control.js';
import { completeControl } from '../app/complete-control.js';
import type { ControlDeps } from '../app/deps.js';
import { CADENCES, everyText, parseEvery } from '../domain/cadence.js';
import { periodLabel } from '../domain/period-label.js';
import { controlLine } from './control-texts.js';

const USAGE = {
  add: '/access-review add <system> @owner [monthly|quarterly|weekly|yearly|90d]',
  done: '/access-review done <system or control> <evidence>',
  owner: '/access-review owner <system or control> @person',
} as const;
const CADENCE_WORDS = `${CADENCES.join(', ')} or a number of days like 90d`;
const words = (args: string) => args.split(/\s+/).filter(Boolean);

function ownerArg(word: string | undefined, usage: string): string {
  if (!word || !/^<@/.test(word)) throw new WardenError('bad_input', `Name the owner with @ so Slack completes the name. Usage: \`${usage}\``);
  return parseUserRef(word, usage);
}

function idArg(word: string | undefined, usage: string): string {
  if (!word) throw new WardenError('bad_input', `Name the system or control (\`/access-review list\` shows them). Usage: \`${usage}\``);
  return word;
}

/** `/access-review list|add|done|owner`: parse, call one use case, reply (ephemeral). */
export function controlVerbs(deps: ControlDeps): Verb[] {
  const zone = deps.followUp.calendar.zone;
  return [
    {
      name: 'list',
      help: { usage: 'list', summary: 'access reviews and the other recurring controls: owner, period, due, last done', inChannel: false },
      run() {
        const now = deps.clock.now();
        const controls = deps.controls.all().filter((c) => c.active);
        if (controls.length === 0) return reply('No access reviews or controls are configured. Add a system with `/access-review add <system> @owner`.');
        const lines = controls.map((c) => controlLine(c, deps.controls.oldestOpen(c.id) ?? deps.controls.latest(c.id), deps.controls.lastDone(c.id), zone, now));
        const unowned = controls.filter((c) => !c.owner).length;
        const title = `*Access reviews and controls* (${controls.length}${unowned ? `, ${unowned} with no owner: nobody is reminded of those` : ''})`;
        return { text: title, blocks: [title, ...lines].map((text) => ({ type: 'section' as const, text: { type: 'mrkdwn' as const, text: truncate(text, 3000) } })).slice(0, 50) };
      },
    },
    {
      name: 'add',
      help: { usage: USAGE.add.slice('/access-review '.length), summary: 'a system whose access is reviewed (a manager)', inChannel: false },
      run(ctx) {
        const [system, owner, cadence, ...extra] = words(ctx.args);
        if (!system) throw new WardenError('bad_input', `Name the system. Usage: \`${USAGE.add}\``);
        const ownerId = ownerArg(owner, USAGE.add);
        const every = cadence === undefined ? null : parseEvery(cadence);
        if (cadence !== undefined && every === null) throw new WardenError('bad_input', `\`${escapeMrkdwn(truncate(cadence, 40))}\` is not a cadence: ${CADENCE_WORDS}. Usage: \`${USAGE.add}\``);
        if (extra.length > 0) throw new WardenError('bad_input', `Only the cadence follows the owner. Usage: \`${USAGE.add}\``);
        const control = addSystem(deps, ctx.userId, { system, owner: ownerId, every });
        const open = deps.controls.oldestOpen(control.id);
        const period = open ? ` Its first period (${periodLabel(control.every, zone, open)}) is open, due ${slackDate(open.due)}.` : '';
        return reply(`Added ${escapeMrkdwn(control.name)}, ${everyText(control.every)}, owner ${mention(ownerId)}.${period}`);
      },
    },
    {
      name: 'done',
      help: { usage: USAGE.done.slice('/access-review '.length), summary: 'close the current period with evidence (its owner; anyone else: a manager)', inChannel: false },
      run(ctx) {
        const [id, ...evidence] = words(ctx.args);
        const { control, period, stillOpen } = completeControl(deps, ctx.userId, idArg(id, USAGE.done), evidence.join(' '));
        const late = period.late ? ' It was *late*: recorded as late.' : '';
        const more = stillOpen > 0 ? ` ${stillOpen} more period${stillOpen === 1 ? ' is' : 's are'} open: \`done\` again for the next.` : '';
        return reply(`:white_check_mark: ${escapeMrkdwn(control.name)} (${periodLabel(control.every, zone, period)}) is done.${late}${more}`);
      },
    },
    {
      name: 'owner',
      help: { usage: USAGE.owner.slice('/access-review '.length), summary: 'give a review or control to someone else (a manager)', inChannel: false },
      run(ctx) {
        const [id, person, ...extra] = words(ctx.args);
        const controlId = idArg(id, USAGE.owner);
        const owner = ownerArg(person, USAGE.owner);
        if (extra.length > 0) throw new WardenError('bad_input', `Name one person. Usage: \`${USAGE.owner}\``);
        const { control, from } = setControlOwner(deps, ctx.userId, controlId, owner);
        return reply(`${escapeMrkdwn(control.name)} is now ${mention(owner)}'s${from ? ` (was ${mention(from)}'s)` : ''}; reminders go to them.`);
      },
    },
  ];
}
