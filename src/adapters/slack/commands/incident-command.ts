import type { App } from '@slack/bolt';
import type { Logger } from '../../../platform/jobs/runner.js';
import { incidentHelp } from '../help.js';
import { userMessageFor } from '../errors.js';
import { escapeMrkdwn } from '../escape.js';
import { splitVerb } from './args.js';
import { reply, type Reply, type SlackDeps, type VerbRegistry } from './registry.js';

/** Verbs of the external contract that later versions add; named so users get an honest answer. */
const NOT_YET = ['page', 'oncall', 'pir', 'action'];

/** Registers `/incident`: parse the verb, run it, and answer in the ack (ephemeral unless the verb says otherwise). */
export function registerIncidentCommand(app: App, deps: SlackDeps, verbs: VerbRegistry, logger: Logger): void {
  app.command('/incident', async ({ command, ack, client }) => {
    const { verb, rest } = splitVerb(command.text);
    let answer: Reply;
    try {
      answer = await dispatch(verb, rest);
    } catch (error) {
      answer = reply(userMessageFor(error, logger, { command: '/incident', verb, user: command.user_id }));
    }
    await ack(answer ? { response_type: answer.inChannel ? 'in_channel' : 'ephemeral', text: answer.text, blocks: answer.blocks } : undefined);

    async function dispatch(name: string, args: string): Promise<Reply> {
      if (name === '' || name === 'help') return incidentHelp(verbs.all().map((v) => v.help));
      const found = verbs.get(name);
      if (found) {
        return found.run({
          deps,
          client,
          userId: command.user_id,
          channelId: command.channel_id,
          args,
          triggerId: command.trigger_id,
          responseUrl: command.response_url,
          requestKey: `cmd:${command.trigger_id}`,
        });
      }
      if (NOT_YET.includes(name)) return reply(`\`/incident ${name}\` is not available in this version of Warden yet.`);
      return reply(`:warning: Unknown command \`${escapeMrkdwn(name.slice(0, 40))}\`. Try: ${verbs.all().map((v) => `\`${v.name}\``).join(', ')}, or \`/incident help\`.`);
    }
  });
}
