import type { WardenFeature } from '../../../adapters/slack/feature-core.js';
import type { FollowUpPolicy } from '../../../platform/calendar/follow-up.js';
import type { PatchSeverity } from '../domain/patch-severity.js';
import { migrations } from '../store/migrations.js';

/** What the patch rules read of warden.yaml (`sla.patch`, `company`, `quietHours`). */
export interface PatchPolicy {
  /** How long a finding of each severity may stay open, counted from its discovery (ms). */
  slaMs: Readonly<Record<PatchSeverity, number>>;
  followUp: FollowUpPolicy;
  /** Scanner severity words (lower case) to Warden's: the built-in table with warden.yaml's entries over it. */
  scannerSeverities: Readonly<Record<string, PatchSeverity>>;
}

export interface PatchesOptions {
  policy: PatchPolicy;
  /** Where overdue findings escalate and risk acceptances are asked for; none configured, none posted. */
  managersChannel: string | null;
}

/** `/patch ...`, `warden patch import`, reminders to owners, risk acceptances an approver decides. */
export function patchesFeature(_opts: PatchesOptions): WardenFeature {
  return { name: 'patches', migrations, plug: () => ({}) };
}
