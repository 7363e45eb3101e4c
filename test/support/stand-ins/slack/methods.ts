/** The Web API methods the stand-in speaks, by name. */
import { CHAT_METHODS } from './methods-chat.js';
import { CONVERSATION_METHODS } from './methods-conversations.js';
import { HISTORY_METHODS } from './methods-history.js';
import { FILE_METHODS } from './methods-files.js';
import { MISC_METHODS } from './methods-misc.js';
import { VIEW_METHODS } from './methods-views.js';
import { USERGROUP_METHODS } from './methods-usergroups.js';
import { USER_METHODS } from './methods-users.js';
import { fail, type MethodContext, type MethodHandler } from './method-kit.js';
import type { SlackResult } from './types.js';

const METHODS: Readonly<Record<string, MethodHandler>> = {
  ...MISC_METHODS,
  ...CONVERSATION_METHODS,
  ...HISTORY_METHODS,
  ...CHAT_METHODS,
  ...VIEW_METHODS,
  ...USERGROUP_METHODS,
  ...USER_METHODS,
  ...FILE_METHODS,
};

export const SUPPORTED_METHODS: readonly string[] = Object.keys(METHODS).sort();

export const isSupportedMethod = (method: string): boolean => Object.hasOwn(METHODS, method);

/** Runs one method against the state; an unknown method answers `unknown_method` like Slack. */
export function callMethod(ctx: MethodContext, method: string, args: Record<string, unknown>): SlackResult {
  const handler = Object.hasOwn(METHODS, method) ? METHODS[method] : undefined;
  return handler ? handler(ctx, args) : fail('unknown_method');
}
