import { z } from 'zod';

/** The payload most incident jobs carry. */
export const incidentPayload = z.object({ incidentId: z.string().min(1) });

