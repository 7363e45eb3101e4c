import { WardenError } from '../../../platform/errors.js';

/** The facts of a refusal, for the audit chain (`access.denied`). */
export interface DenialFacts {
  permission: string;
  userId: string;
  incidentId: string | null;
  needs: string;
}

/** A refused act. The edge shows its message to the person alone and writes its facts to the audit chain. */
export class AccessDenied extends WardenError {
  constructor(readonly facts: DenialFacts, message: string) {
    super('not_allowed', message, { ...facts });
  }
}

export const isAccessDenied = (e: unknown): e is AccessDenied => e instanceof AccessDenied;
