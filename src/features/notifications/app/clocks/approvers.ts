import type { ClockDeps } from './clock-deps.js';

/**
 * Who may approve notices and decide "not notifiable", as Slack mentions: the Warden approvers; with none
 * configured, the Warden admins (never the commander by default). The permission table decides; this only names them.
 */
export function approversNamed(deps: ClockDeps): readonly string[] {
  const holders = deps.access.holders();
  return holders.approversConfigured ? holders.approvers : holders.admins;
}
