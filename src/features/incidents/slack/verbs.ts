import { changeStatus } from '../app/change-status.js';
import { addNote, postUpdate } from '../app/post-update.js';
import { incidentInChannel } from '../app/record.js';
import { assignRole } from '../app/assign-role.js';
import { setSeverity } from '../app/set-severity.js';
import { TRANSITIONS } from '../domain/lifecycle.js';
import { WardenError } from '../../../platform/errors.js';
import { list } from './list-verb.js';
import { escapeMrkdwn } from '../../../adapters/slack/escape.js';
import { slackErrorCode } from '../../../adapters/slack/gateway.js';
import { oneWord, parseUserRef } from '../../../adapters/slack/commands/args.js';
import { parseStatus, roleParser, severityParser } from './incident-args.js';
import { declare } from './declare-verb.js';
import { visibility } from './visibility-verb.js';
import { timeline } from './timeline-verb.js';
import { severityRank } from '../domain/vocabulary.js';
import type { WebClient } from '../../../adapters/slack/gateway.js';
import { afterAck, reply, type CommandContext, type Verb } from '../../../adapters/slack/commands/registry.js';

const severityIds = (ctx: CommandContext) => ctx.deps.policy.severities.map((s) => s.id);
const inChannel = (ctx: CommandContext, verb: string) => incidentInChannel(ctx.deps.store, ctx.channelId, verb);
const actor = (ctx: CommandContext) => ({ userId: ctx.userId });

const status: Verb = {
  name: 'status',
  help: { usage: 'status [investigating|identified|monitoring|resolved]', summary: 'show or move the status', inChannel: true },
  run(ctx) {
    const incident = inChannel(ctx, 'status');
    if (!ctx.args) {
      const moves = TRANSITIONS[incident.status];
      return reply(`*${incident.id}* is *${incident.status}* (${incident.severity}). ${moves.length ? `Moves from here: ${moves.join(', ')}.` : 'It is closed.'}`);
    }
    const to = parseStatus(oneWord(ctx.args, '/incident status <status>'));
    const after = changeStatus(ctx.deps, actor(ctx), incident.id, to);
    return reply(`${after.id} is now *${after.status}*.`);
  },
};

const sev: Verb = {
  name: 'sev',
  help: { usage: 'sev <severity>', summary: 'change the severity (announced)', inChannel: true },
  run(ctx) {
    const incident = inChannel(ctx, 'sev');
    const ids = severityIds(ctx);
    const usage = `/incident sev <${ids.join('|')}>`;
    const after = setSeverity(ctx.deps, actor(ctx), incident.id, severityParser(ids, usage)(oneWord(ctx.args, usage)));
    return reply(`${after.id} is now *${after.severity}*${direction(ids, incident.severity, after.severity)}.`);
  },
};

/** ` (raised)` or ` (lowered)` by the configured order; nothing when the old severity is no longer configured. */
function direction(order: readonly string[], from: string, to: string): string {
  const [was, now] = [severityRank(order, from), severityRank(order, to)];
  if (was === null || now === null || was === now) return '';
  return now < was ? ' (raised)' : ' (lowered)';
}

const role: Verb = {
  name: 'role',
  help: { usage: 'role <role> @person', summary: 'give a role; they get its duties by DM', inChannel: true },
  run(ctx) {
    const incident = inChannel(ctx, 'role');
    const [roleWord, userWord, ...more] = ctx.args.split(/\s+/).filter(Boolean);
    const usage = '/incident role <role> @person';
    const r = roleParser(ctx.deps.policy.roles.map((x) => x.id))(roleWord);
    const userId = parseUserRef(userWord, usage);
    if (more.length > 0) throw new WardenError('bad_input', `One person per role. Usage: \`${escapeMrkdwn(usage)}\``);
    return afterAck(async (slack) => {
      await assertPerson(slack, userId);
      assignRole(ctx.deps, actor(ctx), incident.id, r, userId);
      return reply(`Role *${r}* assigned.`);
    });
  },
};

/**
 * A role goes to someone who can act on it: not a bot (Warden included), not an unknown or deactivated account.
 * When Slack cannot be asked, the mention Slack completed is trusted.
 */
async function assertPerson(slack: WebClient, userId: string): Promise<void> {
  const user = await slack.users.info({ user: userId }).then(
    (r) => r.user ?? null,
    (error: unknown) => (slackErrorCode(error) === 'user_not_found' ? null : undefined),
  );
  if (user === undefined) return;
  if (!user || user.deleted) throw new WardenError('bad_input', `\`${userId}\` is not a person in this workspace. Mention them with @ so Slack completes the name.`);
  if (user.is_bot) throw new WardenError('bad_input', `<@${userId}> is a bot; give the role to a person.`);
}

const update: Verb = {
  name: 'update',
  help: { usage: 'update <text>', summary: 'post a status update here and in the announcement thread', inChannel: true },
  run(ctx) {
    postUpdate(ctx.deps, actor(ctx), inChannel(ctx, 'update').id, ctx.args);
    return reply('Update posted.');
  },
};

const note: Verb = {
  name: 'note',
  help: { usage: 'note <text>', summary: 'add a note to the timeline', inChannel: true },
  run(ctx) {
    addNote(ctx.deps, actor(ctx), inChannel(ctx, 'note').id, ctx.args);
    return reply('Noted in the timeline.');
  },
};

const terminal = (name: 'resolve' | 'close', to: 'resolved' | 'closed', summary: string): Verb => ({
  name,
  help: { usage: name, summary, inChannel: true },
  run(ctx) {
    if (ctx.args) throw new WardenError('bad_input', `\`/incident ${name}\` takes no text. Post context first with \`/incident update\`.`);
    const after = changeStatus(ctx.deps, actor(ctx), inChannel(ctx, name).id, to);
    return reply(`${after.id} is now *${after.status}*.`);
  },
});

export const coreVerbs: Verb[] = [
  declare,
  list,
  status,
  sev,
  role,
  update,
  note,
  timeline,
  visibility,
  terminal('resolve', 'resolved', 'mark the incident resolved (stops reminders)'),
  terminal('close', 'closed', 'close a resolved incident (commander or admin)'),
];
