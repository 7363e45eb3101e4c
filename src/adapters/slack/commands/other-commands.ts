import type { App } from '@slack/bolt';
import type { SlackDeps } from './registry.js';
import { splitVerb } from './args.js';
import { escapeMrkdwn } from '../escape.js';

const WARDEN_HELP = [
  '*Warden* runs incident response in Slack.',
  '• `/incident help`: declare and run incidents',
  '• `/warden whoami`: your Slack id and what Warden lets you do',
  '• `/warden help`: this message',
].join('\n');

const ephemeral = (text: string) => ({ response_type: 'ephemeral' as const, text });

/**
 * `/warden`, `/patch` and `/access-review`: the contract's other roots. Verbs a later version adds answer
 * honestly that they are not available yet, instead of timing out in Slack.
 */
export function registerOtherCommands(app: App, deps: SlackDeps, admins: readonly string[], approvers: readonly string[]): void {
  app.command('/warden', async ({ command, ack }) => {
    const { verb } = splitVerb(command.text);
    if (verb === '' || verb === 'help') return ack(ephemeral(WARDEN_HELP));
    if (verb === 'whoami') {
      const mine = deps.store.incidents.listOpen().filter((i) => Object.values(i.roles).includes(command.user_id));
      const powers = [admins.includes(command.user_id) ? 'Warden admin' : null, approvers.includes(command.user_id) ? 'notice approver' : null].filter(Boolean);
      return ack(
        ephemeral(
          `You are <@${command.user_id}> (\`${command.user_id}\`). ${powers.length ? `You are a ${powers.join(' and ')}.` : 'You hold no Warden-wide permission.'} ` +
            `Roles in open incidents: ${mine.length ? mine.map((i) => i.id).join(', ') : 'none'}.`,
        ),
      );
    }
    return ack(ephemeral(`\`/warden ${escapeMrkdwn(verb.slice(0, 40))}\` is not available in this version of Warden yet. Try \`/warden help\`.`));
  });
  for (const root of ['/patch', '/access-review']) {
    app.command(root, async ({ ack }) => ack(ephemeral(`\`${root}\` is not available in this version of Warden yet: patch SLAs and access reviews come in a later release.`)));
  }
}
