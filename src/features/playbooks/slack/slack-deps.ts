import type { App } from '@slack/bolt';
import type { Logger } from '../../../platform/jobs/runner.js';
import type { PlaybookDeps } from '../app/deps.js';
import type { SlackDeps } from '../../../adapters/slack/commands/registry.js';

/** The playbook use cases' ports plus what the Slack layer adds (the job runner's poke). */
export type PlaybookSlackDeps = PlaybookDeps & SlackDeps;

/** The app's own logger, shaped as the logging port `userMessageFor` expects. */
export function listenerLogger(app: App): Logger {
  const line = (obj: object, msg?: string) => [msg ?? '', JSON.stringify(obj)];
  return {
    info: (obj, msg) => app.logger.info(...line(obj, msg)),
    warn: (obj, msg) => app.logger.warn(...line(obj, msg)),
    error: (obj, msg) => app.logger.error(...line(obj, msg)),
  };
}
