import type { WebClient } from '@slack/web-api';
import type { AppDeps } from '../../../features/incidents/app/deps.js';
import type { JobRunner } from '../../../platform/jobs/runner.js';
import type { VerbHelp } from '../help.js';
import type { SlackMessage } from '../../../features/incidents/slack/blocks/incident-card.js';

/** Everything the Slack layer hands to a verb. */
export interface SlackDeps extends AppDeps {
  runner: Pick<JobRunner, 'poke'>;
}

export interface CommandContext {
  deps: SlackDeps;
  client: WebClient;
  userId: string;
  channelId: string;
  /** The text after the verb, as typed. */
  args: string;
  triggerId: string;
  responseUrl: string;
  /** Unique per Slack request; the same on Slack's retries of it. */
  requestKey: string;
}

/** What a verb answers: an ephemeral reply by default, `inChannel` to show it to everyone. */
export type Reply = (SlackMessage & { inChannel?: boolean }) | null;

export interface Verb {
  name: string;
  help: VerbHelp;
  run(ctx: CommandContext): Promise<Reply> | Reply;
}

/** The verbs of `/incident`. The core registers first; playbooks and clocks add theirs at start-up. */
export function createVerbRegistry() {
  const verbs = new Map<string, Verb>();
  return {
    add(...vs: Verb[]): void {
      for (const v of vs) verbs.set(v.name, v);
    },
    get: (name: string) => verbs.get(name),
    all: () => [...verbs.values()],
  };
}

export type VerbRegistry = ReturnType<typeof createVerbRegistry>;

export const reply = (text: string): Reply => ({ text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: text.slice(0, 3000) } }] });
