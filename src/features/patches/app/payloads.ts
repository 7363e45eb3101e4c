import { z } from 'zod';

export const remindPayload = z.object({ id: z.string(), n: z.number().int().min(0), since: z.string() });
export const escalatePayload = z.object({ id: z.string(), since: z.string() });
export const expirePayload = z.object({ acceptanceId: z.number().int() });

export const ACCEPTANCE_OUTCOMES = ['approved', 'refused', 'expired'] as const;

export const dmPayload = z.discriminatedUnion('type', [
  remindPayload.extend({ type: z.literal('reminder'), total: z.number().int(), kind: z.enum(['before', 'due', 'overdue']) }),
  z.object({ type: z.literal('acceptance'), acceptanceId: z.number().int(), outcome: z.enum(ACCEPTANCE_OUTCOMES), to: z.string() }),
]);
export type DmPayload = z.infer<typeof dmPayload>;

export const postPayload = z.discriminatedUnion('type', [
  z.object({ type: z.literal('escalation'), id: z.string(), channel: z.string() }),
  z.object({ type: z.literal('acceptance_request'), acceptanceId: z.number().int(), channel: z.string() }),
  z.object({ type: z.literal('acceptance_decided'), acceptanceId: z.number().int(), channel: z.string(), ts: z.string() }),
]);
export type PostPayload = z.infer<typeof postPayload>;
