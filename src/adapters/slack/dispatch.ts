import type { AllMiddlewareArgs, App, BlockAction, SlackActionMiddlewareArgs, SlackCommandMiddlewareArgs, SlackEventMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';

export type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;
export type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;
export type ViewArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;
export type EventArgs = SlackEventMiddlewareArgs & AllMiddlewareArgs;

type Handler<A> = (args: A) => Promise<void> | void;

/** Two handlers for one command, action id, callback id or event: a wiring mistake, refused at start-up. */
export class DuplicateListener extends Error {
  readonly code = 'duplicate_listener';
  constructor(kind: string, id: string) {
    super(`Two listeners for the ${kind} ${id}: each ${kind} has one handler.`);
  }
}

/**
 * The handlers of one kind of payload, by id, behind ONE Bolt listener (registered with the first handler).
 * Bolt runs every listener's middleware chain on every request, so one listener per command, action and view
 * made it run dozens a request; one per kind makes it a handful. A payload with an id nobody handles passes by
 * untouched (a listener added to the App directly may still take it).
 */
function dispatcher<A>(kind: string, register: (route: (args: A) => Promise<void>) => void, idOf: (args: A) => string) {
  const handlers = new Map<string, Handler<A>>();
  return (id: string, handler: Handler<A>): void => {
    if (handlers.has(id)) throw new DuplicateListener(kind, id);
    if (handlers.size === 0) register(async (args) => handlers.get(idOf(args))?.(args));
    handlers.set(id, handler);
  };
}

/** Where Warden's Slack handlers are added: one Bolt listener per kind of payload, a Map lookup by id inside it. */
export function createDispatch(app: App) {
  return {
    command: dispatcher<CommandArgs>('command', (route) => app.command(/^\//, route), (a) => a.command.command),
    action: dispatcher<ActionArgs>('action', (route) => app.action<BlockAction>({ type: 'block_actions' }, route), (a) => a.action.action_id),
    view: dispatcher<ViewArgs>('view', (route) => app.view<ViewSubmitAction>({ type: 'view_submission' }, route), (a) => a.view.callback_id),
    event: dispatcher<EventArgs>('event', (route) => app.event(/./, route), (a) => a.event.type),
  };
}

export type Dispatch = ReturnType<typeof createDispatch>;
