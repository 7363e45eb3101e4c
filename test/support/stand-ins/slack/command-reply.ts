import { sendSlashCommand, type SendOptions, type SlackReply, type SlashCommand } from './requests/index.js';
import type { SlackStandIn } from './server.js';

let sent = 0;

/**
 * A slash command with a response_url the stand-in routes, as Slack sends one. A verb that must call Slack acks
 * first and answers through that URL: once `settled` resolves, that answer is returned as `body`, with `afterAck`.
 */
export async function sendCommandSeeingReply(
  standIn: SlackStandIn,
  app: { url: string; secret: string; settled: () => Promise<void> },
  command: Omit<SlashCommand, 'responseUrl'>,
  send?: SendOptions,
): Promise<SlackReply & { afterAck: boolean }> {
  const id = `cmd-${(sent += 1)}`;
  const responseUrl = standIn.responseUrl(id, { channelId: command.channelId, userId: command.userId });
  const acked = await sendSlashCommand(app.url, app.secret, { ...command, responseUrl }, send);
  await app.settled();
  const later = standIn.calls('response_url').filter((c) => c.responseUrlId === id).at(-1);
  return later && acked.body === '' ? { ...acked, body: later.args as unknown, afterAck: true } : { ...acked, afterAck: false };
}
