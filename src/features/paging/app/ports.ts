/**
 * What paging needs of PagerDuty, implemented by `src/adapters/pagerduty/` (the only code that imports
 * @pagerduty/pdjs). Errors are thrown as `PagerDutyError` so the job runner can tell an outage from a refusal.
 */

import type { PagerDutyEvent } from '../domain/pagerduty-event.js';

export type { PagerDutyEvent };

/** Someone on call for an escalation policy, from the REST API's `/oncalls`. */
export interface OnCallEntry {
  escalationLevel: number;
  userId: string;
  userName: string;
  /** Present when the REST call included users (`include[]=users`). */
  userEmail: string | null;
  start: string | null;
  end: string | null;
  scheduleName: string | null;
}

export interface PagerDutyPort {
  /** Sends one Events API v2 event; resolves with the dedup key PagerDuty answered. */
  sendEvent(event: PagerDutyEvent): Promise<{ dedupKey: string }>;
  /** Who is on call for a service now (`at` omitted) or at `at`: the service's escalation policy, then `/oncalls`. */
  onCall(serviceId: string, at?: Date): Promise<OnCallEntry[]>;
  /**
   * Acknowledges or resolves a PagerDuty incident Warden did not open (REST `PUT /incidents/{id}`), as the PagerDuty
   * user whose email is `from` (PagerDuty requires one).
   */
  setIncidentStatus(pdIncidentId: string, status: 'acknowledged' | 'resolved', from: string): Promise<void>;
  /** 'closed' | 'open' | 'half-open' | 'isolated': the PagerDuty circuit, separate from Slack's. */
  state(): string;
}

/** Why a PagerDuty call failed, as the job runner needs to know it. */
export type PagerDutyFailure =
  | { kind: 'rate_limited'; retryAfterMs: number }
  /** 5xx, timeout, connection refused or reset, DNS: PagerDuty may be down; retried, trips the circuit. */
  | { kind: 'unavailable'; detail: string }
  /** The circuit is open: calls are not even tried until it half-opens. */
  | { kind: 'circuit_open'; retryAfterMs: number }
  /** 4xx other than 429 (bad routing key, bad token, invalid event): retrying the same call will not help. */
  | { kind: 'rejected'; status: number; detail: string };

export class PagerDutyError extends Error {
  override readonly name = 'PagerDutyError';
  constructor(readonly failure: PagerDutyFailure) {
    super(`PagerDuty ${failure.kind}${'detail' in failure ? `: ${failure.detail}` : ''}`);
  }
}

export const isPagerDutyError = (e: unknown): e is PagerDutyError => e instanceof PagerDutyError;
