import { z } from 'zod';
import { setFlags } from '../../incidents/index.js';
import { incidentInChannel } from '../../incidents/index.js';
import { switchPlaybook } from '../app/attach-playbook.js';
import { markStepDone, markStepSkipped, type StepOutcome } from '../app/mark-step.js';
import { checklistOf, requireRunning, runningPlaybook } from '../app/running.js';
import { snoozeStep } from '../app/snooze-step.js';
import { formatDuration, parseDuration } from '../../../platform/duration.js';
import { WardenError } from '../../../platform/errors.js';
import { INCIDENT_FLAGS } from '../../incidents/index.js';
import { EVIDENCE_MAX_LENGTH, REASON_MAX_LENGTH } from './blocks/playbook-modals.js';
import { conflictNotice } from './blocks/playbook-notices.js';
import { splitVerb } from '../../../adapters/slack/commands/args.js';
import { reply, type CommandContext, type Reply, type Verb } from '../../../adapters/slack/commands/registry.js';
import { escapeMrkdwn, slackDate } from '../../../adapters/slack/escape.js';
import { catalogText, flagsText, statusText } from './playbook-messages.js';
import type { PlaybookSlackDeps } from './slack-deps.js';

const USAGE = [
  '`/incident playbook` which playbook runs, progress and open steps',
  '`/incident playbook list` the playbooks available',
  '`/incident playbook <id>` switch to (or attach) another playbook',
  '`/incident playbook done <step> [evidence]` / `skip <step> <reason>` tick a step off without the buttons',
  '`/incident playbook snooze <step> <duration>` push the next reminder, e.g. `snooze contain 2h`',
].join('\n');

const flagName = z.enum(INCIDENT_FLAGS);
const onOff = z.enum(['on', 'off']);

const actor = (ctx: CommandContext) => ({ userId: ctx.userId });

/** Step and playbook ids are lowercase letters, digits, `-` and `_`; anything else is refused here, escaped, never echoed as markup. */
const ID = /^[a-z0-9][a-z0-9_-]{0,47}$/;
function idArg(word: string, what: 'step' | 'playbook'): string {
  if (ID.test(word)) return word;
  throw new WardenError('bad_input', `\`${escapeMrkdwn(word.slice(0, 60))}\` is not a ${what} id. \`/incident playbook${what === 'step' ? '' : ' list'}\` shows them.`);
}
const incidentHere = (deps: PlaybookSlackDeps, ctx: CommandContext, verb: string) => incidentInChannel(deps.store, ctx.channelId, verb);

/** `/incident playbook ...` and `/incident flag ...`: parse, call one use case, reply. */
export function playbookVerbs(deps: PlaybookSlackDeps): Verb[] {
  return [playbookVerb(deps), flagVerb(deps)];
}

/** A reply to a command that changed something: the job runner is asked to deliver what it queued. */
function changed(deps: PlaybookSlackDeps, r: Reply): Reply {
  return r;
}

/** Typed evidence and reasons keep to the limits of the buttons' forms. */
function within(text: string, max: number, what: string): string {
  if (text.length > max) throw new WardenError('bad_input', `That ${what} is ${text.length} characters; keep it under ${max}.`);
  return text;
}

type Subcommand = (ctx: CommandContext, rest: string) => Reply;

function subcommands(deps: PlaybookSlackDeps): Record<string, Subcommand> {
  const here = (ctx: CommandContext) => incidentHere(deps, ctx, 'playbook');
  const outcomeReply = (o: StepOutcome, what: string): Reply =>
    o.ok ? changed(deps, reply(`${what} *${escapeMrkdwn(o.title)}*.`)) : reply(`:warning: ${conflictNotice(o.conflict)} Nothing was changed.`);
  return {
    list(ctx) {
      const incident = deps.store.incidents.byChannel(ctx.channelId);
      return reply(catalogText(deps.catalog, incident ? (deps.playbooks.attachment(incident.id)?.playbookId ?? null) : null));
    },
    help: () => reply(USAGE),
    status(ctx) {
      const running = requireRunning(deps, here(ctx).id);
      return reply(statusText(checklistOf(deps, running, deps.clock.now())));
    },
    done(ctx, rest) {
      const { verb: stepId, rest: evidence } = splitVerb(rest);
      if (!stepId) throw new WardenError('bad_input', 'Name the step: `/incident playbook done <step> [evidence]` (`/incident playbook` lists the ids).');
      const ref = { incidentId: here(ctx).id, stepId: idArg(stepId, 'step') };
      return outcomeReply(markStepDone(deps, actor(ctx), ref, within(evidence, EVIDENCE_MAX_LENGTH, 'evidence') || null), 'Done:');
    },
    skip(ctx, rest) {
      const { verb: stepId, rest: reason } = splitVerb(rest);
      if (!stepId || !reason) throw new WardenError('bad_input', 'Name the step and say why: `/incident playbook skip <step> <reason>`.');
      const ref = { incidentId: here(ctx).id, stepId: idArg(stepId, 'step') };
      return outcomeReply(markStepSkipped(deps, actor(ctx), ref, within(reason, REASON_MAX_LENGTH, 'reason')), 'Skipped:');
    },
    snooze(ctx, rest) {
      const [stepId, duration] = rest.split(/\s+/).filter(Boolean);
      const ms = duration ? parseDuration(duration) : null;
      if (!stepId || ms === null) throw new WardenError('bad_input', 'Usage: `/incident playbook snooze <step> <duration>`, e.g. `snooze contain 2h`.');
      const until = snoozeStep(deps, actor(ctx), { incidentId: here(ctx).id, stepId: idArg(stepId.toLowerCase(), 'step') }, ms);
      return changed(deps, reply(`Reminders for \`${escapeMrkdwn(stepId)}\` snoozed for ${formatDuration(ms)}, until ${slackDate(until)}.`));
    },
  };
}

function playbookVerb(deps: PlaybookSlackDeps): Verb {
  const sub = subcommands(deps);
  return {
    name: 'playbook',
    help: { usage: 'playbook [list|<id>|done|skip|snooze]', summary: 'the checklist: progress, switch playbook, tick or snooze steps', inChannel: true },
    run(ctx) {
      const { verb, rest } = splitVerb(ctx.args);
      const key = verb || 'status';
      const handler = Object.hasOwn(sub, key) ? sub[key] : undefined;
      if (handler) return handler(ctx, rest);
      const incident = incidentHere(deps, ctx, 'playbook');
      const { playbook: now, previous } = switchPlaybook(deps, actor(ctx), incident.id, idArg(verb, 'playbook'));
      return changed(deps, reply(`${previous ? `Switched from *${escapeMrkdwn(previous.name)}* to` : 'Attached'} playbook *${escapeMrkdwn(now.name)}*; the checklist follows in the channel.`));
    },
  };
}

function flagVerb(deps: PlaybookSlackDeps): Verb {
  return {
    name: 'flag',
    help: { usage: 'flag [<name> on|off]', summary: 'show or set incident flags (playbook steps and legal clocks follow)', inChannel: true },
    run(ctx) {
      const incident = incidentHere(deps, ctx, 'flag');
      const [nameWord, valueWord, ...more] = ctx.args.split(/\s+/).filter(Boolean);
      if (!nameWord) return reply(flagsText(incident));
      const name = flagName.safeParse(nameWord.toLowerCase());
      if (!name.success) throw new WardenError('bad_input', `Unknown flag \`${escapeMrkdwn(nameWord.slice(0, 40))}\`. Flags: ${INCIDENT_FLAGS.join(', ')}.`);
      const value = onOff.safeParse(valueWord?.toLowerCase());
      if (!value.success) throw new WardenError('bad_input', `Say \`on\` or \`off\`: \`/incident flag ${name.data} on\`.`);
      if (more.length > 0) throw new WardenError('bad_input', `One flag at a time: \`/incident flag ${name.data} ${value.data}\`, then the next.`);
      setFlags(deps, actor(ctx), incident.id, { [name.data]: value.data === 'on' });
      const running = runningPlaybook(deps, incident.id);
      const follow = running ? ' The checklist follows.' : '';
      return changed(deps, reply(`Flag \`${name.data}\` is now *${value.data}* for ${incident.id}.${follow}`));
    },
  };
}
