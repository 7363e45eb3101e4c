import type { WardenFeature } from '../../../adapters/slack/feature-core.js';
import type { FollowUpPolicy } from '../../../platform/calendar/follow-up.js';
import { migrations } from '../store/migrations.js';

export interface ActionsOptions {
  followUp: FollowUpPolicy;
  /** Where overdue items escalate; none configured, none escalated. */
  managersChannel: string | null;
}

/** `/incident action ...`, reminders to owners, escalation, and each person's open items in App Home. */
export function actionsFeature(_opts: ActionsOptions): WardenFeature {
  return { name: 'actions', migrations, plug: () => ({}) };
}
