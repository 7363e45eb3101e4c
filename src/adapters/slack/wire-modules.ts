import type { SlackListeners } from './listeners.js';
import type { JobHandler } from '../../platform/jobs/runner.js';
import { JOB_KINDS, type IncidentChange } from '../../features/incidents/app/outbox.js';
import type { CommandRoot, SlackDeps, Verb, VerbRegistry } from './commands/registry.js';
import type { SlackGateway } from './gateway.js';
import type { FlagsChange, ModuleFactory } from './module.js';

/**
 * Builds every module and plugs it in: its verbs into `/incident`, its listeners into the Bolt app, its
 * response-bound kinds into `deps`, and its job handlers and hooks into the returned handler table. The
 * hooks run from durable fan-out jobs, one per event, in module order.
 */
export function wireModules(
  factories: ModuleFactory[],
  deps: SlackDeps,
  /** The same array as `deps.responseBoundKinds`, writable here only. */
  responseBoundKinds: string[],
  slack: { gateway: SlackGateway; listeners: SlackListeners; roots: ReadonlyMap<CommandRoot, VerbRegistry> },
) {
  const handlers: Record<string, JobHandler> = {};
  const declared: ((incidentId: string) => Promise<void> | void)[] = [];
  const flags: ((change: FlagsChange) => Promise<void> | void)[] = [];
  const changed: ((incidentId: string, change: IncidentChange) => Promise<void> | void)[] = [];
  for (const factory of factories) {
    const m = factory(deps, slack.gateway);
    slack.roots.get('/incident')?.add(...(m.verbs ?? []));
    for (const [root, verbs] of Object.entries(m.commands ?? {}) as [CommandRoot, Verb[]][]) slack.roots.get(root)?.add(...verbs);
    m.listeners?.(slack.listeners);
    Object.assign(handlers, m.jobHandlers ?? {});
    responseBoundKinds.push(...(m.responseBoundKinds ?? []).filter((k) => !responseBoundKinds.includes(k)));
    if (m.onDeclared) declared.push(m.onDeclared);
    if (m.onFlagsChanged) flags.push(m.onFlagsChanged);
    if (m.onIncidentChanged) changed.push(m.onIncidentChanged);
  }
  handlers[JOB_KINDS.declared] = async (job) => {
    for (const hook of declared) await hook(String(job.payload.incidentId));
  };
  handlers[JOB_KINDS.flagsChanged] = async (job) => {
    for (const hook of flags) await hook(job.payload as unknown as FlagsChange);
  };
  handlers[JOB_KINDS.changed] = async (job) => {
    for (const hook of changed) await hook(String(job.payload.incidentId), job.payload.change as IncidentChange);
  };
  return handlers;
}
