import type { SlackListeners } from './listeners.js';
import type { JobHandler } from '../../platform/jobs/runner.js';
import type { IncidentChange } from '../../features/incidents/app/outbox.js';
import type { IncidentFlag } from '../../features/incidents/domain/incident-model.js';
import type { CommandRoot, SlackDeps, Verb } from './commands/registry.js';
import type { SlackGateway } from './gateway.js';

/**
 * A capability plugged into Warden at start-up (the incident core, playbooks, legal clocks ...): its
 * `/incident` verbs, its Bolt listeners (buttons, modals) and the handlers of its durable job kinds.
 */
export interface WardenModule {
  /** Verbs of `/incident`. */
  verbs?: Verb[];
  /** Verbs of any root command (`/warden whoami` ...). */
  commands?: Partial<Record<CommandRoot, Verb[]>>;
  /** Buttons, modals and events, through the listener wrapper (never the raw Bolt app). */
  listeners?: (on: SlackListeners) => void;
  jobHandlers?: Record<string, JobHandler>;
  /** Job kinds cancelled when the incident resolves. */
  responseBoundKinds?: string[];
  /**
   * Runs (from a durable job) after an incident is declared and its channel job is queued. A failure
   * retries the whole fan-out, so hooks must be idempotent.
   */
  onDeclared?: (incidentId: string) => Promise<void> | void;
  /**
   * Runs (from a durable job queued by whoever changed the flags) with the flags before and after.
   * Payload of that job: `{ incidentId, before, after, by }`. Hooks must be idempotent.
   */
  onFlagsChanged?: (change: FlagsChange) => Promise<void> | void;
  /** Runs (from a durable job) after a status, severity or role change. Hooks must be idempotent. */
  onIncidentChanged?: (incidentId: string, change: IncidentChange) => Promise<void> | void;
}

export type ModuleFactory = (deps: SlackDeps, slack: SlackGateway) => WardenModule;

export interface FlagsChange {
  incidentId: string;
  before: IncidentFlag[];
  after: IncidentFlag[];
  by: string;
}
