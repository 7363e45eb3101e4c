import type { CommandRoot, VerbRegistry } from './adapters/slack/commands/registry.js';
import type { FeatureCore, WardenFeature } from './adapters/slack/feature-core.js';
import type { SlackListeners } from './adapters/slack/listeners.js';
import type { EventBus } from './platform/events.js';
import type { DeclaredIncident } from './platform/feature.js';
import type { AnyJob } from './platform/jobs/define-job.js';
import type { Registry } from 'prom-client';

export interface PluggedFeatures {
  jobs: AnyJob[];
  responseBoundKinds: string[];
  circuits: Record<string, () => string>;
  /** Every feature's `/readyz` facts, by name. */
  readiness: Record<string, () => unknown>;
  /** Every feature's shutdown step, in plug order. */
  stops: Array<() => void | Promise<void>>;
  /** Every feature's line for the declare reply, in plug order. */
  declareNotes: Array<(incident: DeclaredIncident) => string | null>;
}

/**
 * Plugs every feature in: its verbs into their root commands, its listeners into the Slack wrapper, its
 * subscribers into the event bus. Returns every job kind (for the runner) and the response-bound kinds
 * (cancelled when an incident resolves).
 */
export function plugFeatures(
  features: readonly WardenFeature[],
  core: FeatureCore,
  into: { roots: ReadonlyMap<CommandRoot, VerbRegistry>; listeners: SlackListeners; events: EventBus; metrics: Registry },
): PluggedFeatures {
  const jobs: AnyJob[] = [];
  const circuits: Record<string, () => string> = {};
  const readiness: Record<string, () => unknown> = {};
  const stops: Array<() => void | Promise<void>> = [];
  const declareNotes: Array<(incident: DeclaredIncident) => string | null> = [];
  for (const feature of features) {
    const parts = feature.plug(core);
    for (const [root, verbs] of Object.entries(parts.commands ?? {})) into.roots.get(root as CommandRoot)?.add(...verbs);
    parts.slack?.(into.listeners);
    if (parts.on) into.events.subscribe(parts.on);
    jobs.push(...(parts.jobs ?? []));
    Object.assign(circuits, parts.circuits ?? {});
    if (parts.home) core.home.add(parts.home);
    parts.metrics?.(into.metrics);
    Object.assign(readiness, parts.readiness ?? {});
    if (parts.stop) stops.push(parts.stop);
    if (parts.declareNote) declareNotes.push(parts.declareNote);
  }
  return { jobs, responseBoundKinds: jobs.filter((j) => j.responseBound).map((j) => j.kind), circuits, readiness, stops, declareNotes };
}
