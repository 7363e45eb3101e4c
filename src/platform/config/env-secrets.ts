/**
 * Secrets come from the environment or from a file named by `NAME_FILE` (Docker and Kubernetes secrets).
 * Problems name the variables and the path, never a value or a file's content.
 */

export const SECRET_VARS = [
  'SLACK_BOT_TOKEN',
  'SLACK_SIGNING_SECRET',
  'SLACK_APP_TOKEN',
  'PAGERDUTY_TOKEN',
  'PAGERDUTY_ROUTING_KEY',
  'PAGERDUTY_WEBHOOK_SECRET',
  'WARDEN_AUDIT_KEY',
  'METRICS_TOKEN',
] as const;
export type SecretVar = (typeof SECRET_VARS)[number];

/** Reads a text file; throws a Node error (with `code`, e.g. ENOENT) when it cannot. */
export type ReadSecretFile = (path: string, encoding: 'utf8') => string;

export interface ResolvedSecrets {
  values: Partial<Record<SecretVar, string>>;
  /** Where each value came from, for messages: `SLACK_BOT_TOKEN` or `SLACK_BOT_TOKEN_FILE`. */
  sources: Partial<Record<SecretVar, string>>;
  problems: string[];
}

/** Empty variables count as unset: `FOO=` in a compose file should not count as a value. */
export function envValue(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value;
}

export function resolveSecrets(env: NodeJS.ProcessEnv, readFile: ReadSecretFile): ResolvedSecrets {
  const resolved: ResolvedSecrets = { values: {}, sources: {}, problems: [] };
  for (const name of SECRET_VARS) {
    const direct = envValue(env, name);
    const file = envValue(env, `${name}_FILE`);
    if (direct !== undefined && file !== undefined) {
      resolved.problems.push(`${name} and ${name}_FILE are both set: set only one`);
    } else if (direct !== undefined) {
      resolved.values[name] = direct.trim();
      resolved.sources[name] = name;
    } else if (file !== undefined) {
      const read = readSecretFile(name, file, readFile);
      if ('problem' in read) resolved.problems.push(read.problem);
      else {
        resolved.values[name] = read.value;
        resolved.sources[name] = `${name}_FILE`;
      }
    }
  }
  return resolved;
}

function readSecretFile(name: string, path: string, readFile: ReadSecretFile): { value: string } | { problem: string } {
  let content: string;
  try {
    content = readFile(path, 'utf8');
  } catch (error) {
    // Only the error code: a Node message could in theory quote more than the path.
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    return { problem: `${name}_FILE: cannot read ${path} (${code})` };
  }
  const value = content.trim();
  return value === '' ? { problem: `${name}_FILE: ${path} is empty` } : { value };
}
