/** What the PagerDuty stand-in records and is seeded with. */

/** One accepted Events API v2 event, as PagerDuty stored it (summary already truncated to 1,024). */
export interface RecordedEvent {
  at: string;
  routingKey: string;
  action: 'trigger' | 'acknowledge' | 'resolve';
  dedupKey: string;
  /** The request body as sent, parsed. */
  body: Record<string, unknown>;
  /** `payload.summary` as PagerDuty keeps it, or null on acknowledge/resolve without a payload. */
  storedSummary: string | null;
}

/** One request that reached the stand-in (events and REST alike); never the token or routing key. */
export interface RecordedCall {
  at: string;
  method: string;
  path: string;
  query: Record<string, string[]>;
  /** REST only: whether `Authorization: Token token=...` carried the stand-in's token. */
  auth: 'valid' | 'invalid' | 'missing' | 'not-needed';
  accept: string | null;
  status: number | 'no-answer';
}

export interface SeedService {
  id: string;
  name: string;
  escalationPolicyId: string;
}

export interface SeedUser {
  id: string;
  name: string;
  email: string;
}

export interface SeedOnCall {
  escalationPolicyId: string;
  level: number;
  userId: string;
  /** ISO instants; null for "always on call" (no schedule). */
  start: string | null;
  end: string | null;
  schedule: { id: string; name: string } | null;
}

export interface PagerDutyStandInOptions {
  /** The REST API token accepted (`Authorization: Token token=<token>`). */
  token?: string;
  /** Routing keys the Events API accepts; default: any 32-character key. */
  routingKeys?: string[];
  services?: SeedService[];
  users?: SeedUser[];
  onCalls?: SeedOnCall[];
  now?: () => Date;
}
