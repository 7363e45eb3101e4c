/**
 * The one error type Warden throws on purpose. `code` selects how the edge answers (an ephemeral reply,
 * a modal field error, a CLI exit); `message` is safe to show to the person who caused it.
 */
export class WardenError extends Error {
  override readonly name = 'WardenError';

  constructor(
    readonly code: WardenErrorCode,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

export const WARDEN_ERROR_CODES = [
  'bad_input',
  'not_found',
  'not_allowed',
  'conflict',
  'not_in_incident_channel',
  'refused_transition',
  'config_invalid',
  'upstream_failed',
] as const;
export type WardenErrorCode = (typeof WARDEN_ERROR_CODES)[number];

export const isWardenError = (e: unknown): e is WardenError => e instanceof WardenError;
