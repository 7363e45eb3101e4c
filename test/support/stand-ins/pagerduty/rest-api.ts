/** The REST API v2 reads Warden makes: GET /services/{id} and GET /oncalls (filters, include[]=users, paging). */
import type { Answer } from './events-api.js';
import type { SeedOnCall, SeedService, SeedUser } from './types.js';

export interface Account {
  services: SeedService[];
  users: SeedUser[];
  onCalls: SeedOnCall[];
}

const notFound: Answer = { status: 404, body: { error: { message: 'Not Found', code: 2100 } } };

export function answerRest(account: Account, path: string, query: URLSearchParams, now: Date): Answer {
  const service = /^\/services\/([^/]+)$/.exec(path);
  if (service) return getService(account, decodeURIComponent(service[1] ?? ''));
  if (path === '/oncalls') return listOnCalls(account, query, now);
  return notFound;
}

function getService(account: Account, id: string): Answer {
  const s = account.services.find((x) => x.id === id);
  if (!s) return notFound;
  const policy = { id: s.escalationPolicyId, type: 'escalation_policy_reference', summary: `${s.name} policy` };
  return { status: 200, body: { service: { id: s.id, type: 'service', summary: s.name, name: s.name, status: 'active', escalation_policy: policy } } };
}

function listOnCalls(account: Account, query: URLSearchParams, now: Date): Answer {
  const since = instant(query.get('since')) ?? now;
  const until = instant(query.get('until')) ?? since;
  if (until < since) return { status: 400, body: { error: { message: 'Invalid Input Provided', code: 2001, errors: ['until must be after since'] } } };
  const policies = query.getAll('escalation_policy_ids[]');
  const withUsers = query.getAll('include[]').includes('users');
  const matching = account.onCalls.filter(
    (o) => (policies.length === 0 || policies.includes(o.escalationPolicyId)) && overlaps(o, since, until),
  );
  const limit = Math.min(Number(query.get('limit') ?? 25) || 25, 100);
  const offset = Number(query.get('offset') ?? 0) || 0;
  const page = matching.slice(offset, offset + limit).map((o) => render(account, o, withUsers));
  return { status: 200, body: { oncalls: page, limit, offset, more: offset + limit < matching.length, total: null } };
}

const instant = (text: string | null): Date | undefined => (text && !Number.isNaN(Date.parse(text)) ? new Date(text) : undefined);

// "Roughly" as PagerDuty does: an on-call is listed when its period touches [since, until].
const overlaps = (o: SeedOnCall, since: Date, until: Date): boolean =>
  (o.start === null || new Date(o.start) <= until) && (o.end === null || new Date(o.end) > since);

function render(account: Account, o: SeedOnCall, withUsers: boolean) {
  const u = account.users.find((x) => x.id === o.userId) ?? { id: o.userId, name: o.userId, email: '' };
  const user = withUsers
    ? { id: u.id, type: 'user', summary: u.name, name: u.name, email: u.email, time_zone: 'Etc/UTC' }
    : { id: u.id, type: 'user_reference', summary: u.name };
  return {
    escalation_policy: { id: o.escalationPolicyId, type: 'escalation_policy_reference', summary: 'policy' },
    escalation_level: o.level,
    schedule: o.schedule ? { id: o.schedule.id, type: 'schedule_reference', summary: o.schedule.name } : null,
    user,
    start: o.start,
    end: o.end,
  };
}
