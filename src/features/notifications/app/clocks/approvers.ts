import { WardenError } from '../../../../platform/errors.js';
import { commanderOf, type Incident } from '../../../incidents/index.js';
import type { ClockDeps } from './clock-deps.js';

/**
 * Who may approve notices and decide "not notifiable": the configured approvers; with none configured,
 * the commander and the Warden admins (so a notice the commander drafted can still be approved by
 * someone else: the drafter never approves their own).
 */
export function approversOf(deps: ClockDeps, incident: Incident): readonly string[] {
  if (deps.clockPolicy.approvers.length > 0) return deps.clockPolicy.approvers;
  return [...new Set([commanderOf(incident), ...deps.policy.admins])];
}

/** @throws WardenError('not_allowed') naming who may do `what` instead. */
export function assertApprover(deps: ClockDeps, incident: Incident, userId: string, what: string): void {
  const approvers = approversOf(deps, incident);
  if (approvers.includes(userId)) return;
  const admins = approvers.slice(1);
  const who =
    deps.clockPolicy.approvers.length > 0
      ? `an approver (${approvers.map((u) => `<@${u}>`).join(', ')})`
      : `the commander (<@${approvers[0] ?? ''}>)${admins.length ? ` or a Warden admin (${admins.map((u) => `<@${u}>`).join(', ')})` : ''}`;
  throw new WardenError('not_allowed', `Only ${who} can ${what}.`);
}
