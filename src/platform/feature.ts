import type { CommandRoot, Verb } from '../adapters/slack/commands/registry.js';
import type { SlackListeners } from '../adapters/slack/listeners.js';
import type { Migration } from './db/db.js';
import type { EventSubscribers } from './events.js';
import type { AnyJob } from './jobs/define-job.js';
import type { HomeSection } from '../adapters/slack/home.js';
import type { Registry } from 'prom-client';

/**
 * The incident a declare note reads, as the incident core records it: the core fills it in by merging into this
 * interface (features/incidents/domain/events.ts), so the platform knows its shape without importing it.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by the incident core's declaration
export interface DeclaredIncident {}

/**
 * A capability of Warden (incidents, playbooks, legal clocks, ...), plugged in with one line in
 * src/compose-features.ts. Its migrations run before anything is built; `plug` then receives the
 * shared dependencies and returns what the feature adds.
 *
 * Its warden.yaml sections are not a field here: the file is parsed (and refused, line by line) before
 * any feature is built, so a feature exports its sections from its index.ts and src/config/schema.ts
 * composes them; src/config/feature-settings.ts turns the parsed file into the feature's own options.
 */
export interface Feature<Core> {
  name: string;
  /** Numbered SQL migrations; versions are unique across all features. */
  migrations: readonly Migration[];
  plug(core: Core): FeatureParts;
}

/** What a plugged-in feature adds. Every part is optional. */
export interface FeatureParts {
  /** Verbs on any root command. */
  commands?: Partial<Record<CommandRoot, readonly Verb[]>>;
  /** Buttons, modals and events, through the listener wrapper (never the raw Bolt app). */
  slack?: (on: SlackListeners) => void;
  /** Durable job kinds: payload schema, handler, whose rules classify failures. */
  jobs?: readonly AnyJob[];
  /** Subscribers to domain events; they run inside the transaction that published the event. */
  on?: EventSubscribers;
  /** Circuit breakers of the services the feature calls (PagerDuty ...), by name, for `/readyz` and `/metrics`. */
  circuits?: Readonly<Record<string, () => string>>;
  /** What the feature shows a person in App Home (see adapters/slack/home.ts). */
  home?: HomeSection;
  /** Registers the feature's own series on `/metrics` (read at scrape time, never a full scan). */
  metrics?: (registry: Registry) => void;
  /** Facts `/readyz` reports under `checks` (the age of the last backup ...); reported, never gating readiness. */
  readiness?: Readonly<Record<string, () => unknown>>;
  /**
   * A line for the declarer's reply about a newly declared incident (the playbook it gets ...); null adds none. It
   * gets the incident the declaration just stored, so the reply reads nothing again.
   */
  declareNote?: (incident: DeclaredIncident) => string | null;
  /** Runs on shutdown, after the job runner stopped and before the database closes (a last checkpoint ...). */
  stop?: () => void | Promise<void>;
}
