import type { WebClient } from '@slack/web-api';
import type { AppDeps, SlackMessage } from '../../../features/incidents/index.js';
import type { VerbHelp } from '../help.js';

/** The slash commands of the external contract (DESIGN.md): one root per area, sub-verbs after it. */
export const COMMAND_ROOTS = ['/incident', '/patch', '/access-review', '/warden'] as const;
export type CommandRoot = (typeof COMMAND_ROOTS)[number];

/** Everything the Slack layer hands to a verb: the use cases' ports. */
export type SlackDeps = AppDeps;

/**
 * What a verb sees of the request. There is no Web API client here on purpose: a verb answers from the
 * database, in the ack; anything that calls Slack returns `afterAck(...)` and runs once Slack has its ack.
 */
export interface CommandContext {
  deps: SlackDeps;
  userId: string;
  channelId: string;
  /** The text after the verb, as the person typed it (Slack's escaping decoded once, at the edge). */
  args: string;
  triggerId: string;
  responseUrl: string;
  /** Unique per Slack request; the same on Slack's retries of it. */
  requestKey: string;
}

/** What a verb answers: an ephemeral reply by default, `inChannel` to show it to everyone. */
export type Reply = (SlackMessage & { inChannel?: boolean }) | null;

/** Work that calls Slack (opening a modal, looking a person up): it runs right after the ack. */
export interface AfterAck {
  kind: 'after_ack';
  /** What the ack carries (nothing by default: Slack shows no reply until `run` answers). */
  ack: Reply;
  /** Its reply goes to the person through the command's response_url. */
  run(slack: WebClient): Promise<Reply>;
}

export type Answer = Reply | AfterAck;

/** Runs `run` after the ack; a modal opened there still has a fresh trigger_id (Slack allows 3 s). */
export const afterAck = (run: AfterAck['run'], ack: Reply = null): AfterAck => ({ kind: 'after_ack', ack, run });

export const isAfterAck = (answer: Answer): answer is AfterAck => answer !== null && 'kind' in answer && answer.kind === 'after_ack';

export interface Verb {
  name: string;
  help: VerbHelp;
  run(ctx: CommandContext): Promise<Answer> | Answer;
  /**
   * True when running this request again is harmless or answered by the verb itself (declare with a title finds the
   * incident its request key made): its trigger id is then not recorded. Without it, every delivery's trigger id is
   * written, so a second delivery (Slack retrying one it thinks was lost) runs nothing and opens no second modal.
   */
  repeatSafe?(args: string): boolean;
}

/** The verbs of one root command. Features add theirs at start-up; a name taken twice is a wiring mistake. */
export function createVerbRegistry() {
  const verbs = new Map<string, Verb>();
  return {
    add(...vs: Verb[]): void {
      for (const v of vs) {
        if (verbs.has(v.name)) throw new Error(`Two features register the verb ${v.name}.`);
        verbs.set(v.name, v);
      }
    },
    get: (name: string) => verbs.get(name),
    all: () => [...verbs.values()],
  };
}

export type VerbRegistry = ReturnType<typeof createVerbRegistry>;

/**
 * A `<placeholder>` in Warden's own usage texts (`/incident pir done <link>`) written as Slack needs it (`&lt;link&gt;`):
 * Slack reads `<` as the start of a mention, channel, date or link, and those tokens are left alone.
 */
export const escapePlaceholders = (text: string): string => text.replace(/<(?![@#!]|https?:|mailto:)([^<>\n]{1,60})>/g, '&lt;$1&gt;');

export const reply = (text: string): Reply => {
  const safe = escapePlaceholders(text);
  return { text: safe, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: safe.slice(0, 3000) } }] };
};
