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
    help: 'Requests to /slack/events refused: forged (no valid signature), stale (timestamp over 5 minutes off), replayed (signature already seen), foreign_workspace (team_id or enterprise_id not the installed workspace).',
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
