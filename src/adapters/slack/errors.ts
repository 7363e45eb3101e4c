import { randomUUID } from 'node:crypto';
import type { Logger } from '../../platform/jobs/runner.js';
import { isWardenError } from '../../platform/errors.js';

/**
 * The one place an error becomes what a person sees. Coded errors carry a message written for the user;
 * anything else is logged with a reference the user can quote, and never shown raw.
 */
export function userMessageFor(error: unknown, logger: Logger, context: Record<string, unknown> = {}): string {
  if (isWardenError(error)) return `${error.code === 'not_allowed' ? ':no_entry:' : ':warning:'} ${error.message}`;
  const ref = randomUUID().slice(0, 8);
  logger.error({ ...context, ref, err: error instanceof Error ? { message: error.message, stack: error.stack } : String(error) }, 'unexpected error in a Slack handler');
  return `:x: Something went wrong on Warden's side (ref \`${ref}\`). Nothing was changed by this request. Try again, or tell your Warden admin the ref.`;
}
