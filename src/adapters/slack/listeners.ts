import type { KnownEventFromType } from '@slack/bolt';
import type { KnownBlock, View } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { Logger } from '../../platform/jobs/runner.js';
import type { AfterAckWork } from './after-ack-work.js';
import type { ActionArgs, Dispatch, ViewArgs } from './dispatch.js';
import { cleanModalValues } from './slack-text.js';

/** A click on a button or a select, as a feature sees it. */
export interface Click {
  userId: string;
  /** The channel the clicked message is in (none for a modal or App Home). */
  channelId: string | undefined;
  messageTs: string | undefined;
  /** The clicked button's value or the selected option's value. */
  value: string | undefined;
  triggerId: string;
  /** The whole payload, for a feature that parses more of it with zod. */
  payload: unknown;
  /** The Web API client: the click is already acknowledged when a handler runs, so it may call Slack. */
  slack: WebClient;
}

/**
 * What a click answers: text to the clicker alone, or a message of blocks to them alone that replaces the
 * clicked ephemeral message or follows it (the next page of a list).
 */
export type ClickAnswer = string | { text: string; blocks: KnownBlock[]; replaceOriginal: boolean } | null;

/** A modal submission. It is answered in the ack, so a handler decides from the database alone. */
export interface Submission {
  userId: string;
  viewId: string;
  privateMetadata: string;
  values: unknown;
}

/** What a submission answers: nothing closes the modal; errors go onto their inputs; `update` replaces the view. */
export type ViewAnswer = void | { errors: Record<string, string> } | { update: View };

/**
 * The only way a feature listens to Slack. Clicks are acknowledged before their handler runs; submissions
 * are answered in the ack by a synchronous handler (no Web API call can delay it); failures become a reply to
 * the person or an error on the form, and the rest is logged with a reference.
 */
export interface SlackListeners {
  /** A button or select: `run`'s answer (if any) goes to the clicker alone. */
  action(actionId: string, run: (click: Click) => Promise<ClickAnswer> | ClickAnswer): void;
  /** A modal submission; an unexpected failure is shown on `errorField`. */
  view(callbackId: string, errorField: string, run: (submission: Submission) => ViewAnswer): void;
  /** An Events API event (Bolt acknowledges events itself); `eventId` lets a handler skip Slack's redeliveries. */
  event<E extends string>(name: E, run: (event: KnownEventFromType<E>, eventId: string | undefined, slack: WebClient) => Promise<void> | void): void;
  logger: Logger;
}

/** How the wrapper turns a failure into what the person sees (and records a refusal), and what runs before a click is decided. */
export interface ListenerHooks {
  answerToError(error: unknown, context: Record<string, unknown>): string;
  /** Before a click's handler: reads what permission checks need from Slack (user groups). */
  beforeClick(): Promise<void>;
}

/** Builds the listener wrapper over the Bolt app's dispatch; `afterAck` tracks the work that runs after an ack. */
export function createSlackListeners(on: Dispatch, logger: Logger, afterAck: AfterAckWork, hooks: ListenerHooks): SlackListeners {
  const track = afterAck.track;
  return {
    logger,
    action(actionId, run) {
      on.action(actionId, ({ ack, body, action, client, respond }: ActionArgs) => {
        const tell = (answer: Exclude<ClickAnswer, null>) =>
          respond(typeof answer === 'string' ? { response_type: 'ephemeral', replace_original: false, text: answer }
            : { response_type: 'ephemeral', replace_original: answer.replaceOriginal, text: answer.text, blocks: answer.blocks }).catch((err: unknown) => logger.warn({ err: String(err), action: actionId }, 'could not answer a click'));
        const value = 'value' in action ? action.value : 'selected_option' in action ? action.selected_option?.value : undefined;
        const click: Click = { userId: body.user.id, channelId: body.channel?.id ?? body.container?.channel_id, messageTs: body.container?.message_ts, value: value ?? undefined, triggerId: body.trigger_id, payload: body, slack: client };
        // Tracked before the ack goes out, so whoever waits for after-ack work cannot miss this one.
        return track(
          (async () => {
            await ack();
            await hooks.beforeClick();
            const answer = await run(click);
            if (answer) await tell(answer);
          })().catch(async (error: unknown) => {
            await tell(hooks.answerToError(error, { action: actionId, user: body.user.id }));
          }),
        );
      });
    },
    view(callbackId, errorField, run) {
      on.view(callbackId, async ({ ack, body, view }: ViewArgs) => {
        let answer: ViewAnswer;
        try {
          answer = run({ userId: body.user.id, viewId: view.id, privateMetadata: view.private_metadata, values: cleanModalValues(view.state.values) });
        } catch (error) {
          const message = hooks.answerToError(error, { view: callbackId, user: body.user.id }).replace(/^:(warning|no_entry): /, '');
          answer = { errors: { [errorField]: message.slice(0, 150) } };
        }
        if (!answer) return ack();
        if ('errors' in answer) return ack({ response_action: 'errors', errors: answer.errors });
        return ack({ response_action: 'update', view: answer.update });
      });
    },
    event(name, run) {
      on.event(name, async ({ event, body, client }) => {
        await track(
          Promise.resolve()
                  .then(() => run(event as never, (body as { event_id?: string }).event_id, client))
            .catch((error: unknown) => {
              logger.error({ event: name, err: error instanceof Error ? error.message : String(error) }, 'event handler failed');
            }),
        );
      });
    },
  };
}
