import type { RespondFn } from '@slack/bolt';
import type { Dispatch } from '../dispatch.js';
import type { Logger } from '../../../platform/jobs/runner.js';
import type { AfterAckWork } from '../after-ack-work.js';
import { rootHelp } from '../help.js';
import { answerToError, authorizeVerb, helpFor } from './authorize.js';
import { escapeMrkdwn } from '../escape.js';
import { decodeSlackText } from '../slack-text.js';
import { splitVerb } from './args.js';
import type { CommandLimiter } from './rate-limit.js';
import { isAfterAck, reply, type Answer, type CommandRoot, type Reply, type SlackDeps, type VerbRegistry } from './registry.js';

/** Verbs of the external contract that later versions add, per root; named so users get an honest answer. */
const NOT_YET: Record<CommandRoot, readonly string[]> = {
  '/incident': [],
  '/patch': [],
  '/access-review': [],
  '/warden': ['config'],
};

/** The first line of each root's help. */
const INTRO: Record<CommandRoot, string> = {
  '/incident': 'Declare and run incidents.',
  '/patch': 'Patch SLAs.',
  '/access-review': 'Recurring access reviews.',
  '/warden': '*Warden* runs incident response in Slack: `/incident help` lists the incident commands.',
};

const ALREADY_HANDLED = 'Slack delivered this command twice; Warden had already handled it, so nothing was done again.';

const toAck = (answer: Reply) => (answer ? { response_type: answer.inChannel ? ('in_channel' as const) : ('ephemeral' as const), text: answer.text, blocks: answer.blocks } : undefined);

/**
 * One root command (`/incident`, `/patch` ...): decode Slack's escaping once, run the verb, ack. A verb
 * that must call Slack returns `afterAck`: the ack goes first, then its work, whose reply reaches the
 * person through the response_url. Errors become an ephemeral reply in either case.
 */
export function registerCommandRoot(on: Dispatch, root: CommandRoot, verbs: VerbRegistry, deps: SlackDeps, logger: Logger, afterAck: AfterAckWork, limiter?: CommandLimiter): void {
  on.command(root, async ({ command, ack, client, respond }) => {
    // Over a limit, nothing runs and nothing is written: not even the trigger id below.
    const limited = limiter?.check(command.user_id, command.team_id);
    if (limited) return ack(toAck(reply(limited)));
    const { verb, rest } = splitVerb(decodeSlackText(command.text));
    const context = { command: root, verb, user: command.user_id };
    // A trigger id is minted once per command: a second delivery of it is Slack retrying one it thinks was lost.
    // Help and the verbs safe to repeat skip the write (one commit a request, the declare's own aside).
    const repeatSafe = verb === '' || verb === 'help' || verbs.get(verb)?.repeatSafe?.(rest) === true;
    if (!repeatSafe && !deps.store.firstSighting(`cmd:${command.trigger_id}`, deps.clock.now())) return ack(toAck(reply(ALREADY_HANDLED)));
    const failed = (error: unknown) => reply(answerToError(error, deps, logger, context));
    let answer: Answer;
    try {
      answer = await dispatch(verb, rest);
    } catch (error) {
      answer = failed(error);
    }
    if (!isAfterAck(answer)) return ack(toAck(answer));
    const { run, ack: first } = answer;
    // Tracked before the ack goes out, so whoever waits for after-ack work cannot miss this one.
    await afterAck.track(
      (async () => {
        await ack(toAck(first));
        const later = await run(client).catch(failed);
        await sendLater(respond, later, logger);
      })(),
    );

    async function dispatch(name: string, args: string): Promise<Answer> {
      const { user_id: userId, channel_id: channelId, trigger_id: triggerId, response_url: responseUrl } = command;
      await deps.access.warm();
      if (name === '' || name === 'help') return rootHelp(root, INTRO[root], helpFor(deps, root, verbs.all(), userId, channelId));
      const found = verbs.get(name);
      if (found) {
        authorizeVerb(deps, root, name, userId, channelId);
        return found.run({ deps, userId, channelId, args, triggerId, responseUrl, requestKey: `cmd:${triggerId}` });
      }
      if (NOT_YET[root].includes(name)) return reply(`\`${root} ${name}\` is not available in this version of Warden yet.`);
      if (verbs.all().length === 0) return reply(`\`${root}\` is not available in this version of Warden yet: it comes in a later release.`);
      return reply(`:warning: Unknown command \`${escapeMrkdwn(name.slice(0, 40))}\`. Try: ${verbs.all().map((v) => `\`${v.name}\``).join(', ')}, or \`${root} help\`.`);
    }
  });
}

async function sendLater(respond: RespondFn, answer: Reply, logger: Logger): Promise<void> {
  if (!answer) return;
  const type = answer.inChannel ? 'in_channel' : 'ephemeral';
  await respond({ response_type: type, replace_original: false, text: answer.text, blocks: answer.blocks }).catch((err: unknown) =>
    logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'reply through response_url failed'),
  );
}
