/**
 * Removes secrets from text before it is logged or shown: Slack tokens, bearer and PagerDuty tokens,
 * `token=...`-style pairs, PagerDuty-looking keys, and any known secret value. Pure; works on plain text
 * and on serialized JSON (a log line) alike.
 */
export const REDACTED = '[REDACTED]';

// Secrets shorter than this are not searched for: replacing every "abc" would wreck the text and hide little.
const MIN_KNOWN_SECRET_LENGTH = 6;

const SECRET_KEY = '(?:token|secret|password|api[_-]?key|routing[_-]?key)';
const NOT_REDACTED = '(?!\\[REDACTED\\])';
const VALUE = `[^\\s"'\\\\,;&}\\]]+`;

const RULES: readonly { pattern: RegExp; replacement: string }[] = [
  // Slack bot, user, app, legacy and refresh tokens; app-level tokens.
  { pattern: /\bxox[abposr]-[A-Za-z0-9-]+/g, replacement: REDACTED },
  { pattern: /\bxapp-[A-Za-z0-9-]+/g, replacement: REDACTED },
  // Authorization header values: `Bearer x`, `Basic x`, PagerDuty's `Token token=x`.
  { pattern: /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, replacement: `$1 ${REDACTED}` },
  { pattern: /\b(Token\s+token=)[^\s"'\\,;&]+/gi, replacement: `$1${REDACTED}` },
  // `token=x` (query strings, env dumps) and JSON string fields `"signingSecret":"x"`, also JSON-escaped
  // inside a string. Plain `token: x` is left alone: it reads like a message ("SLACK_BOT_TOKEN: missing").
  { pattern: new RegExp(`\\b([A-Za-z_]*${SECRET_KEY}=)${NOT_REDACTED}${VALUE}`, 'gi'), replacement: `$1${REDACTED}` },
  {
    pattern: new RegExp(`(\\\\?"[A-Za-z_]*${SECRET_KEY}\\\\?"\\s*:\\s*\\\\?")${NOT_REDACTED}${VALUE}`, 'gi'),
    replacement: `$1${REDACTED}`,
  },
  // PagerDuty user API tokens (`u+...`) and 32-character integration/routing keys (letters and digits mixed).
  { pattern: /\bu\+[A-Za-z0-9_-]{16,}/g, replacement: REDACTED },
  { pattern: /\b(?=[A-Za-z0-9]{0,31}\d)(?=[A-Za-z0-9]{0,31}[A-Za-z])[A-Za-z0-9]{32}\b/g, replacement: REDACTED },
];

export function redactSecrets(text: string, knownSecrets: readonly string[] = []): string {
  let out = text;
  for (const secret of variantsOf(knownSecrets)) out = out.split(secret).join(REDACTED);
  for (const { pattern, replacement } of RULES) out = out.replace(pattern, replacement);
  return out;
}

/** Each secret as written and as it appears inside a JSON string; longest first so none is left half-hidden. */
function variantsOf(secrets: readonly string[]): string[] {
  const variants = new Set<string>();
  for (const secret of secrets) {
    if (secret.length < MIN_KNOWN_SECRET_LENGTH) continue;
    variants.add(secret);
    variants.add(JSON.stringify(secret).slice(1, -1));
  }
  return [...variants].sort((a, b) => b.length - a.length);
}
