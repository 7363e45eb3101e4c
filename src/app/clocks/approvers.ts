import { WardenError } from '../../domain/errors.js';
import { commanderOf, type Incident } from '../../domain/incident.js';
import type { ClockDeps } from './clock-deps.js';

/** Who may approve notices and decide "not notifiable": the configured approvers, else the commander. */
export function approversOf(deps: ClockDeps, incident: Incident): readonly string[] {
  return deps.clockPolicy.approvers.length > 0 ? deps.clockPolicy.approvers : [commanderOf(incident)];
}

/** @throws WardenError('not_allowed') naming who may do `what` instead. */
export function assertApprover(deps: ClockDeps, incident: Incident, userId: string, what: string): void {
  const approvers = approversOf(deps, incident);
  if (approvers.includes(userId)) return;
  const who = deps.clockPolicy.approvers.length > 0 ? `an approver (${approvers.map((u) => `<@${u}>`).join(', ')})` : `the commander (<@${approvers[0] ?? ''}>)`;
  throw new WardenError('not_allowed', `Only ${who} can ${what}.`);
}
