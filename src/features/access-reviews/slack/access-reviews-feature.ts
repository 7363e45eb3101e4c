import type { WardenFeature } from '../../../adapters/slack/feature-core.js';
import type { FollowUpPolicy } from '../../../platform/calendar/follow-up.js';
import type { Cadence, ControlKind } from '../domain/cadence.js';
import { migrations } from '../store/migrations.js';

/** One recurring control as configured: an access review of a system, or another control of the policy. */
export interface ControlDefinition {
  id: string;
  name: string;
  /** access-review: a system's access; the others come from `sla.controls`. */
  type: 'access-review' | 'control';
  kind: ControlKind;
  owner: string | null;
  /** A calendar cadence, or a period in ms (`90d`). */
  every: Cadence | number;
  evidence: string | null;
}

export interface AccessReviewsOptions {
  /** From warden.yaml; systems added with `/access-review add` are stored and come on top. */
  controls: readonly ControlDefinition[];
  followUp: FollowUpPolicy;
  managersChannel: string | null;
}

/** `/access-review ...`: periods that open on their cadence, owners nagged, done with evidence, late recorded as late. */
export function accessReviewsFeature(_opts: AccessReviewsOptions): WardenFeature {
  return { name: 'access-reviews', migrations, plug: () => ({}) };
}
