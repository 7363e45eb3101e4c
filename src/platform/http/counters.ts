import { Counter, type Registry } from 'prom-client';

/**
 * Why an inbound Slack request was refused: no valid signature, outside the 5-minute window, seen before, or
 * signed but sent for a workspace (team_id / enterprise_id) other than the one Warden is installed in, or
 * arrived before Warden reached Slack to learn its own workspace.
 */
export const REFUSAL_REASONS = ['forged', 'stale', 'replayed', 'foreign_workspace', 'not_ready'] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

/** Which slash-command limit a command ran into. */
export const LIMIT_SCOPES = ['user', 'workspace'] as const;
export type LimitScope = (typeof LIMIT_SCOPES)[number];

/** Counters the Slack adapter bumps as things happen (unlike the gauges, nothing to read from the database). */
export interface SecurityCounters {
  slackRequestRefused(reason: RefusalReason): void;
  commandRateLimited(scope: LimitScope): void;
  /** A PagerDuty webhook delivery refused (the route names the reason: unsigned, bad_signature, stale ...). */
  pagerDutyWebhookRefused(reason: string): void;
}

/** Registers the counters on `registry`, every label value at 0 so a dashboard sees the series before the first hit. */
export function createSecurityCounters(registry: Registry): SecurityCounters {
  const refused = new Counter({
    name: 'warden_slack_requests_refused_total',
    help: 'Requests to /slack/events refused: forged (no valid signature), stale (timestamp over 5 minutes off), replayed (signature already seen), foreign_workspace (team_id or enterprise_id not the installed workspace), not_ready (Warden has not reached Slack since it started).',
    labelNames: ['reason'],
    registers: [registry],
  });
  const limited = new Counter({
    name: 'warden_commands_rate_limited_total',
    help: 'Slash commands refused because a person or the workspace sent more than warden.yaml `limits` allow.',
    labelNames: ['scope'],
    registers: [registry],
  });
  const webhooks = new Counter({
    name: 'warden_pagerduty_webhooks_refused_total',
    help: 'PagerDuty webhook deliveries refused: unsigned, bad_signature, stale, future, malformed, too_large, unreadable, not_configured.',
    labelNames: ['reason'],
    registers: [registry],
  });
  for (const reason of REFUSAL_REASONS) refused.inc({ reason }, 0);
  for (const scope of LIMIT_SCOPES) limited.inc({ scope }, 0);
  return {
    slackRequestRefused: (reason) => refused.inc({ reason }),
    commandRateLimited: (scope) => limited.inc({ scope }),
    pagerDutyWebhookRefused: (reason) => webhooks.inc({ reason }),
  };
}

/** Deliveries that did not reach where they were meant to go: never silent, counted by job kind and Slack's reason. */
export interface DeliveryCounters {
  /** A job that failed for good (an operator must look). */
  failed(kind: string, reason: string): void;
  /** A post that could not reach its channel and went to a fallback channel instead. */
  rerouted(kind: string, reason: string): void;
}

export function createDeliveryCounters(registry: Registry): DeliveryCounters {
  const failed = new Counter({
    name: 'warden_deliveries_failed_total',
    help: 'Jobs (Slack posts, DMs, pages, reminders) that failed for good, by job kind and reason (Slack\'s error code, or error).',
    labelNames: ['kind', 'reason'],
    registers: [registry],
  });
  const rerouted = new Counter({
    name: 'warden_deliveries_rerouted_total',
    help: 'Posts that could not reach their channel (not_in_channel, channel_not_found, is_archived) and went to the incident or announcements channel instead, by job kind and reason.',
    labelNames: ['kind', 'reason'],
    registers: [registry],
  });
  return {
    failed: (kind, reason) => failed.inc({ kind, reason }),
    rerouted: (kind, reason) => rerouted.inc({ kind, reason }),
  };
}
