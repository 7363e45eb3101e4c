import { pino, type DestinationStream, type LevelWithSilentOrString, type Logger } from 'pino';
import { REDACTED, redactSecrets } from './redact.js';

export type { Logger } from 'pino';

export interface LoggerOptions {
  level: LevelWithSilentOrString;
  /** Where lines go; stdout when absent. Tests pass a stream that collects lines. */
  destination?: DestinationStream;
  /** Secret values to scrub wherever they appear (see `secretValues(env)` in src/config/env.ts). */
  secrets?: readonly string[];
}

// Fields whose value is a secret whatever it looks like: censored by pino before serialization.
const SECRET_FIELDS = [
  'token',
  'botToken',
  'appToken',
  'accessToken',
  'secret',
  'signingSecret',
  'webhookSecret',
  'webhookSecrets',
  'routingKey',
  'password',
  'authorization',
  'cookie',
];

export const REDACT_PATHS: readonly string[] = [
  ...SECRET_FIELDS.flatMap((field) => [field, `*.${field}`]),
  '*.headers.authorization',
  '*.headers.cookie',
  '*.headers["x-slack-signature"]',
];

/**
 * Warden's logger: JSON lines, with two layers of redaction. pino's `redact` censors secret fields by name;
 * the `streamWrite` hook then scrubs the finished line, which catches tokens inside messages, error
 * messages and stacks, child bindings and fields with innocent names.
 */
export function createLogger(options: LoggerOptions): Logger {
  const secrets = [...(options.secrets ?? [])];
  const settings = {
    level: options.level,
    redact: { paths: [...REDACT_PATHS], censor: REDACTED },
    hooks: { streamWrite: (line: string) => redactSecrets(line, secrets) },
  };
  return options.destination ? pino(settings, options.destination) : pino(settings);
}
