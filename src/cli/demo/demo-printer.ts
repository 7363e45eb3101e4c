import { BOT_USER_ID, BOT_USER_NAME, renderTranscript, type SlackStandIn } from '../../../test/support/stand-ins/slack/index.js';
import { renderBody, renderMrkdwn, type Names } from '../../../test/support/stand-ins/slack/render-blocks.js';

const WRITES = new Set(['chat.postMessage', 'chat.update', 'views.open', 'views.publish', 'conversations.create', 'conversations.invite', 'pins.add', 'files.completeUploadExternal']);

/**
 * Prints what Warden did in the stand-in workspace since the last call, as a person in Slack would see
 * it: new channels, posts (with their channel), edits of a message in place, modals and DMs.
 */
export function createDemoPrinter(slack: SlackStandIn, out: (s: string) => void) {
  let seen = 0;
  const names = (): Names => {
    const users = new Map(Object.entries(slack.users()).map(([id, u]) => [id, u.name]));
    users.set(BOT_USER_ID, BOT_USER_NAME);
    return { users, channels: new Map(slack.channels().map((c) => [c.id, c.name])) };
  };
  const where = (channel: unknown, n: Names) => {
    const id = String(channel);
    const c = slack.channels().find((x) => x.id === id);
    if (c?.isIm) return `DM to @${n.users.get(c.user ?? '') ?? c.user}`;
    return `#${n.channels.get(id) ?? id}`;
  };

  return {
    /** Prints the Slack side effects since the previous call. */
    flush(): void {
      const calls = slack.calls().slice(seen).filter((c) => c.ok && WRITES.has(c.method));
      seen = slack.calls().length;
      const n = names();
      for (const c of calls) {
        const a = c.args;
        if (c.method === 'conversations.create') out(`   ✚ Warden created #${String(a.name)}`);
        else if (c.method === 'conversations.invite') out(`   ✚ Warden invited ${String(a.users).split(',').map((u) => `@${n.users.get(u) ?? u}`).join(', ')} to ${where(a.channel, n)}`);
        else if (c.method === 'pins.add') out(`   📌 Warden pinned a message in ${where(a.channel, n)}`);
        else if (c.method === 'views.open') out(`   ▢ a modal opened: ${String((a.view as { title?: { text?: string } })?.title?.text ?? '')}`);
        else if (c.method === 'files.completeUploadExternal') {
          const [file] = slack.files(String(a.channel_id)).slice(-1);
          out(`   🗎 Warden shared ${file?.filename ?? 'a file'} in ${where(a.channel_id, n)} (${file?.content.split('\n').length ?? 0} lines of Markdown)`);
          for (const line of (file?.content ?? '').split('\n').filter((l) => l.startsWith('## ')).slice(0, 12)) out(`      ${line}`);
        } else if (c.method === 'views.publish') out(`   ▢ App Home refreshed for @${n.users.get(String(a.user_id)) ?? String(a.user_id)}`);
        else if (c.method === 'chat.update') {
          const [title, facts] = renderBody(String(a.text ?? ''), a.blocks as unknown[] | undefined, n);
          out(`   ✎ warden updated its message in ${where(a.channel, n)} in place: ${title ?? ''} | ${facts ?? ''}`);
        } else {
          const verb = a.thread_ts ? 'replied in the thread in' : 'posted in';
          const [first, ...more] = renderBody(String(a.text ?? ''), a.blocks as unknown[] | undefined, n);
          out(`   ● warden ${verb} ${where(a.channel, n)}: ${first ?? ''}${more.length ? ' …' : ''}`);
        }
      }
    },
    /** Slack mrkdwn (an ephemeral reply) as a person reads it: names, dates and entities resolved. */
    readable: (text: string): string => renderMrkdwn(text, names()),
    /** An ephemeral reply with its blocks (a list, a digest) as a person reads it, one line each, at most `max`. */
    replyLines: (text: string, blocks: readonly unknown[] | undefined, max = 40): string[] => renderBody(text, blocks, names()).filter((l) => l.trim() !== '').slice(0, max),
    /** The whole workspace at the end, channel by channel. */
    transcript(): string {
      return renderTranscript(slack);
    },
  };
}
