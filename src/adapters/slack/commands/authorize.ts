import type { Logger } from '../../../platform/jobs/runner.js';
import { AccessDenied, isAccessDenied, isPermission, PERMISSIONS } from '../../../features/access/index.js';
import { accessViewOf } from '../../../features/incidents/index.js';
import { userMessageFor } from '../errors.js';
import type { VerbHelp } from '../help.js';
import type { SlackDeps, Verb } from './registry.js';

/**
 * Checks a verb's row of the permission table before it runs. A verb without a row is refused (deny by
 * default). Acts on an incident are checked against the incident of the channel the command was typed in;
 * typed elsewhere, the verb itself answers that it works inside an incident channel.
 * @throws AccessDenied
 */
export function authorizeVerb(deps: SlackDeps, root: string, verb: string, userId: string, channelId: string): void {
  const key = `${root} ${verb}`;
  if (!isPermission(key)) {
    const facts = { permission: key, userId, incidentId: null, needs: 'a row in the permission table' };
    throw new AccessDenied(facts, `\`${key}\` has no row in Warden's permission table, so it is refused. Tell your Warden admin.`);
  }
  const { need } = PERMISSIONS[key];
  if (need === 'anyone') return;
  const incident = deps.store.incidents.byChannel(channelId);
  if (!incident && (need === 'member' || need === 'commander')) return;
  deps.access.require(key, userId, incident ? accessViewOf(incident) : undefined);
}

/** The verbs `help` shows this person: only those the permission table lets them use here. */
export function helpFor(deps: SlackDeps, root: string, verbs: readonly Verb[], userId: string, channelId: string): VerbHelp[] {
  const incident = deps.store.incidents.byChannel(channelId);
  return verbs
    .filter((v) => {
      const key = `${root} ${v.name}`;
      if (!isPermission(key)) return false;
      const { need } = PERMISSIONS[key];
      return incident ? deps.access.check(key, userId, accessViewOf(incident)).allowed : deps.access.allowsByRole(need, userId) || need === 'commander';
    })
    .map((v) => v.help);
}

/** What a person sees when their request failed; a refusal is also written to the audit chain and logged. */
export function answerToError(error: unknown, deps: SlackDeps, logger: Logger, context: Record<string, unknown>): string {
  if (isAccessDenied(error)) {
    deps.access.recordDenial(error.facts);
    logger.info({ ...context, permission: error.facts.permission, incident: error.facts.incidentId }, 'request refused by the permission table');
  }
  return userMessageFor(error, logger, context);
}
