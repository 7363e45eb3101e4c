import { parse } from 'node:querystring';
import type { SlackWorkspace } from '../../../platform/config/index.js';

/** The workspace a request says it comes from, as Slack writes it in each kind of body. */
export interface WorkspaceClaim {
  teamId: string | null;
  enterpriseId: string | null;
  /** An org-wide (Enterprise Grid) install: the org, not one workspace, is what was installed. */
  enterpriseInstall: boolean;
}

type Json = Record<string, unknown>;

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const record = (value: unknown): Json => (value !== null && typeof value === 'object' ? (value as Json) : {});
const field = (value: unknown, key: string): string | null => text(record(value)[key]);

/**
 * Reads the claim from a raw body: `team_id` / `enterprise_id` form fields (slash commands); `team.id`, else
 * `user.team_id`, and `enterprise.id` in an interaction's `payload` JSON (block_actions, view_submission ...);
 * `authorizations[0]`, else the top-level `team_id` / `enterprise_id`, in an Events API body (as Bolt reads it).
 * `none` for the bodies that carry no workspace: `url_verification` (and ssl_check, answered before this).
 */
export function claimedWorkspace(body: string, contentType: string | undefined): WorkspaceClaim | 'none' {
  if (contentType?.startsWith('application/json')) return fromEvent(parseJson(body));
  const form = parse(body);
  if (typeof form.payload === 'string') return fromInteraction(parseJson(form.payload));
  return { teamId: text(form.team_id), enterpriseId: text(form.enterprise_id), enterpriseInstall: form.is_enterprise_install === 'true' };
}

/**
 * The same claim from a body Bolt has already parsed (Socket Mode envelopes): an event (it has `event` or
 * `authorizations`), an interaction (a `team` object or `user.team_id`), or a slash command's fields.
 */
export function claimedWorkspaceOf(parsed: unknown): WorkspaceClaim | 'none' {
  const body = record(parsed);
  if (body.type === 'url_verification') return 'none';
  if ('event' in body || Array.isArray(body.authorizations)) return fromEvent(body);
  if (typeof body.team === 'object' || typeof record(body.user).team_id === 'string') return fromInteraction(body);
  return { teamId: text(body.team_id), enterpriseId: text(body.enterprise_id), enterpriseInstall: body.is_enterprise_install === 'true' || body.is_enterprise_install === true };
}

function fromEvent(body: Json): WorkspaceClaim | 'none' {
  if (body.type === 'url_verification') return 'none';
  const auth = record(Array.isArray(body.authorizations) ? body.authorizations[0] : undefined);
  return {
    teamId: text(auth.team_id) ?? text(body.team_id),
    enterpriseId: text(auth.enterprise_id) ?? text(body.enterprise_id),
    enterpriseInstall: auth.is_enterprise_install === true,
  };
}

function fromInteraction(payload: Json): WorkspaceClaim {
  return {
    teamId: field(payload.team, 'id') ?? field(payload.user, 'team_id'),
    enterpriseId: field(payload.enterprise, 'id'),
    enterpriseInstall: payload.is_enterprise_install === true,
  };
}

function parseJson(body: string): Json {
  try {
    return record(JSON.parse(body));
  } catch {
    return {};
  }
}

/**
 * True when the claim is Warden's own install. A workspace install must name its team; an org-wide install
 * (Warden's workspace has an enterprise id and the request says `is_enterprise_install`) must name its org,
 * whatever workspace of the org it came from. A claim that names no workspace at all is never Warden's.
 */
export function isOwnWorkspace(own: SlackWorkspace, claim: WorkspaceClaim): boolean {
  if (own.enterpriseId !== undefined && claim.enterpriseId !== null && claim.enterpriseId !== own.enterpriseId) return false;
  if (own.enterpriseId !== undefined && claim.enterpriseInstall) return claim.enterpriseId === own.enterpriseId;
  return claim.teamId === own.teamId;
}
