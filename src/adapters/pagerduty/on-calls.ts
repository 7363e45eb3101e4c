/** REST API v2 answers for who is on call, parsed at the edge and mapped to the port's entries. */
import { z } from 'zod';
import type { OnCallEntry } from '../../features/paging/index.js';

export const serviceAnswer = z.object({ service: z.object({ escalation_policy: z.object({ id: z.string() }) }) });

const onCall = z.object({
  escalation_level: z.number(),
  user: z.object({ id: z.string(), summary: z.string().optional(), name: z.string().optional(), email: z.string().optional() }),
  schedule: z.object({ summary: z.string().optional(), name: z.string().optional() }).nullish(),
  start: z.string().nullish(),
  end: z.string().nullish(),
});

export const onCallsPage = z.object({
  oncalls: z.array(onCall),
  more: z.boolean().optional(),
  limit: z.number().optional(),
  offset: z.number().optional(),
});

export type OnCallsPage = z.output<typeof onCallsPage>;

/** GET /oncalls query for one escalation policy, now or at one instant. */
export function onCallsQuery(policyId: string, at: Date | undefined, offset: number): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = { 'escalation_policy_ids[]': [policyId], 'include[]': ['users'], limit: '100', offset: String(offset) };
  // An on-call is listed when its period overlaps [since, until]: one instant asks who was on call then.
  if (at !== undefined) Object.assign(query, { since: at.toISOString(), until: at.toISOString() });
  return query;
}

export function toOnCallEntry(o: OnCallsPage['oncalls'][number]): OnCallEntry {
  return {
    escalationLevel: o.escalation_level,
    userId: o.user.id,
    userName: o.user.name ?? o.user.summary ?? o.user.id,
    userEmail: o.user.email ?? null,
    start: o.start ?? null,
    end: o.end ?? null,
    scheduleName: o.schedule?.name ?? o.schedule?.summary ?? null,
  };
}
