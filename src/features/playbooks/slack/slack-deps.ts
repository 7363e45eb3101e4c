import type { PlaybookDeps } from '../app/deps.js';
import type { SlackDeps } from '../../../adapters/slack/commands/registry.js';

/** The playbook use cases' ports plus what the Slack layer adds. */
export type PlaybookSlackDeps = PlaybookDeps & SlackDeps;
