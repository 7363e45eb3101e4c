import type { AppDeps } from '../../incidents/index.js';
import type { FollowUpPolicy } from '../../../platform/calendar/follow-up.js';
import type { ActionItem } from '../domain/action-item.js';
import type { ActionRecords } from './ports.js';

/** The incident channel's short lines about items, as mrkdwn with user text escaped (the Slack layer writes them). */
export interface ActionChannelLines {
  added(item: ActionItem, by: string): string;
  done(item: ActionItem, by: string): string;
  reassigned(item: ActionItem, from: string, by: string): string;
}

/** The ports of the action-item use cases. */
export interface ActionDeps extends AppDeps {
  actions: ActionRecords;
  /** Reminders to owners, quiet hours, working days (its calendar's zone is the company's: dates are read there). */
  followUp: FollowUpPolicy;
  /** Where overdue items escalate; null: nowhere. */
  managersChannel: string | null;
  lines: ActionChannelLines;
}

/**
 * Durable job kinds of the action items. None is response-bound: an item outlives its incident, and so do its
 * reminders. Each job carries the plan it belongs to (`since`), so one left over from a changed due date or
 * owner finds itself stale and does nothing.
 */
export const ACTION_JOB_KINDS = {
  /** Sends the owner reminder `n` of the plan started at `since` (through `dm`) and queues the next one. */
  remind: 'action.remind',
  /** The DM itself: one Slack call, sent once. */
  dm: 'action.dm',
  /** An item still open after `escalateAfter` is told to the managers' channel, once. */
  escalate: 'action.escalate',
  /** The managers' channel message itself. */
  escalationPost: 'action.escalation_post',
} as const;
