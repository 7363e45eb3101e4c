import { z } from 'zod';

/** The payload most incident jobs carry. */
export const incidentPayload = z.object({ incidentId: z.string().min(1) });

/** A message union whose `type` is checked against the known types; its fields are read by its renderer. */
export const messageOfType = <T extends string>(types: readonly [T, ...T[]]) => z.object({ type: z.enum(types) }).loose();
