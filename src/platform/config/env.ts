import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { WardenError } from '../errors.js';
import { redactSecrets } from '../redact.js';
import { envValue, resolveSecrets, SECRET_VARS, type ReadSecretFile, type SecretVar } from './env-secrets.js';
import { isTimeZone } from './fields.js';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const isHttpUrl = (text: string): boolean => URL.canParse(text) && /^https?:$/.test(new URL(text).protocol);
const httpUrl = z.string().refine(isHttpUrl, 'expected an http(s) URL like https://example.com');
const PORT_MESSAGE = 'expected a port number from 1 to 65535';
const HOST_MESSAGE = 'expected an address to listen on: an IP such as 0.0.0.0 (all interfaces), 127.0.0.1 (loopback only) or ::, or a host name such as localhost';
/** RFC 1123 host name: dot-separated labels of letters, digits and inner hyphens. */
const HOST_NAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;
const isListenAddress = (text: string): boolean => isIP(text) !== 0 || HOST_NAME.test(text);

/** A PEM set directly in the environment often arrives with its newlines written as `\n`. */
export const pemText = (text: string): string => text.replace(/\\n/g, '\n');

function isEd25519PrivateKey(text: string): boolean {
  try {
    return createPrivateKey(pemText(text)).asymmetricKeyType === 'ed25519';
  } catch {
    return false;
  }
}

// Every message is written here, never zod's default, so none can echo a value.
const envSchema = z.object({
  SLACK_BOT_TOKEN: z.string().startsWith('xoxb-', 'expected a bot token starting with xoxb-').optional(),
  SLACK_SIGNING_SECRET: z.string().optional(),
  SLACK_APP_TOKEN: z.string().startsWith('xapp-', 'expected an app-level token starting with xapp-').optional(),
  SLACK_API_URL: httpUrl.default('https://slack.com/api/'),
  // The installed workspace (and Grid org); unset, Warden asks auth.test at start-up.
  SLACK_TEAM_ID: z.string().regex(/^T[A-Z0-9]{2,}$/, 'expected a workspace id like T0123ABCD (auth.test answers it as team_id)').optional(),
  SLACK_ENTERPRISE_ID: z.string().regex(/^E[A-Z0-9]{2,}$/, 'expected an Enterprise Grid org id like E0123ABCD (auth.test answers it as enterprise_id)').optional(),
  PAGERDUTY_TOKEN: z.string().optional(),
  PAGERDUTY_ROUTING_KEY: z.string().optional(),
  PAGERDUTY_API_URL: httpUrl.default('https://api.pagerduty.com'),
  PAGERDUTY_EVENTS_URL: httpUrl.default('https://events.pagerduty.com'),
  PAGERDUTY_CA_FILE: z.string().optional(),
  // Several secrets, comma-separated, while a webhook subscription's secret is rotated: each is accepted.
  PAGERDUTY_WEBHOOK_SECRET: z
    .string()
    .transform((text) => text.split(',').map((s) => s.trim()).filter(Boolean))
    .optional(),
  WARDEN_DB: z.string().default('./data/warden.db'),
  WARDEN_AUDIT_KEY: z.string().refine(isEd25519PrivateKey, 'expected an Ed25519 private key in PEM (make one with `warden audit keygen --out FILE`)').optional(),
  WARDEN_AUDIT_CHECKPOINTS: z.string().optional(),
  // Unset: ./warden.yaml if it exists, else the defaults. Set: that file, which must exist.
  WARDEN_CONFIG: z.string().optional().transform((path) => path?.trim() || undefined),
  PORT: z
    .string()
    .regex(/^\d{1,5}$/, PORT_MESSAGE)
    .transform(Number)
    .refine((n) => n >= 1 && n <= 65_535, PORT_MESSAGE)
    .prefault('3000'),
  // /metrics behind a bearer token, and on its own port (then not on PORT) for a scraper on another network.
  METRICS_TOKEN: z.string().min(16, 'expected a token of at least 16 characters (openssl rand -hex 32 makes one)').optional(),
  METRICS_PORT: z
    .string()
    .regex(/^\d{1,5}$/, PORT_MESSAGE)
    .transform(Number)
    .refine((n) => n >= 1 && n <= 65_535, PORT_MESSAGE)
    .optional(),
  // All interfaces by default (a container's port mapping needs it); 127.0.0.1 keeps Warden on loopback behind a sidecar.
  HOST: z.string().refine(isListenAddress, HOST_MESSAGE).default('0.0.0.0'),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `expected one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  TZ: z.string().refine(isTimeZone, 'expected an IANA time zone like Europe/Paris or UTC').optional(),
})
  .refine((e) => e.METRICS_PORT === undefined || e.METRICS_PORT !== e.PORT, { path: ['METRICS_PORT'], message: 'expected another port than PORT (unset it to serve /metrics on PORT)' })
  .refine((e) => !e.SLACK_ENTERPRISE_ID || e.SLACK_TEAM_ID, { path: ['SLACK_ENTERPRISE_ID'], message: 'set SLACK_TEAM_ID too (the workspace), or neither to learn both from auth.test' });

/** Warden's environment, parsed. Secrets are present only when set (directly or through `NAME_FILE`). */
export interface WardenEnv {
  slack: { botToken?: string; signingSecret?: string; appToken?: string; apiUrl: string; workspace?: SlackWorkspace };
  pagerDuty: {
    token?: string;
    routingKey?: string;
    apiUrl: string;
    eventsUrl: string;
    /** PEM read from PAGERDUTY_CA_FILE: a private CA (a corporate proxy's) trusted for PagerDuty requests only. */
    ca?: string;
    /** Every signing secret a v3 webhook delivery may be signed with (several during a rotation); empty when unset. */
    webhookSecrets: string[];
  };
  dbPath: string;
  /**
   * Where audit checkpoints are signed: the Ed25519 private key (PEM, WARDEN_AUDIT_KEY or _FILE; none = no
   * checkpoints) and the checkpoint file (WARDEN_AUDIT_CHECKPOINTS, default beside the database; null in memory).
   */
  audit: { key?: string; checkpointsPath: string | null };
  /** WARDEN_CONFIG; undefined when unset (./warden.yaml if it exists, else the defaults). */
  configPath: string | undefined;
  port: number;
  /** Where `warden start` listens (HOST): all interfaces unless set, e.g. 127.0.0.1 for loopback only. */
  host: string;
  logLevel: LogLevel;
  /** `GET /metrics`: the bearer token it requires (METRICS_TOKEN or _FILE) and its own port (METRICS_PORT), each optional. */
  metrics: { token?: string; port?: number };
  /** The process zone (TZ). Warden stores UTC; display falls back to warden.yaml `timeZone`. */
  timeZone?: string;
}

export type EnvCheck = { ok: true; env: WardenEnv } | { ok: false; problems: string[] };

/** Parses the environment without requiring Slack credentials; problems are `NAME: message` lines. */
export function checkEnv(env: NodeJS.ProcessEnv, readFile: ReadSecretFile = readFileSync): EnvCheck {
  const secrets = resolveSecrets(env, readFile);
  const input: Record<string, string | undefined> = { ...secrets.values };
  for (const name of Object.keys(envSchema.shape)) {
    if (!(SECRET_VARS as readonly string[]).includes(name)) input[name] = envValue(env, name)?.trim();
  }
  const parsed = envSchema.safeParse(input);
  const problems = [...secrets.problems];
  const ca = readCaFile(input.PAGERDUTY_CA_FILE, readFile);
  if ('problem' in ca) problems.push(ca.problem);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0]);
      problems.push(`${secrets.sources[name as SecretVar] ?? name}: ${issue.message}`);
    }
  }
  // Belt and braces: whatever a message says, it never carries a secret's value.
  const known = Object.values(secrets.values);
  if (problems.length > 0 || !parsed.success) return { ok: false, problems: problems.map((p) => redactSecrets(p, known)) };
  const wardenEnv = toWardenEnv(parsed.data);
  return { ok: true, env: 'pem' in ca ? { ...wardenEnv, pagerDuty: { ...wardenEnv.pagerDuty, ca: ca.pem } } : wardenEnv };
}

/** The PEM named by PAGERDUTY_CA_FILE; problems name the path and the error code, never the content. */
function readCaFile(path: string | undefined, readFile: ReadSecretFile): { pem: string } | { problem: string } | { unset: true } {
  if (path === undefined) return { unset: true };
  let content: string;
  try {
    content = readFile(path, 'utf8');
  } catch (error) {
    return { problem: `PAGERDUTY_CA_FILE: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})` };
  }
  if (!content.includes('-----BEGIN CERTIFICATE-----')) return { problem: `PAGERDUTY_CA_FILE: ${path} holds no PEM certificate` };
  return { pem: content };
}

/** Parses the environment; throws WardenError('config_invalid') listing every problem. */
export function loadEnv(env: NodeJS.ProcessEnv = process.env, readFile: ReadSecretFile = readFileSync): WardenEnv {
  const result = checkEnv(env, readFile);
  if (!result.ok) {
    throw new WardenError('config_invalid', ['invalid environment:', ...result.problems.map((p) => `  ${p}`)].join('\n'), {
      problems: result.problems,
    });
  }
  return result.env;
}

/** The workspace Warden is installed in (SLACK_TEAM_ID), and its Enterprise Grid org (SLACK_ENTERPRISE_ID) if any. */
export interface SlackWorkspace {
  teamId: string;
  enterpriseId?: string;
}

/**
 * What Bolt needs: HTTP mode (Events API) or Socket Mode when SLACK_APP_TOKEN is set. `workspace`, when
 * known from the environment, spares the start-up `auth.test` that otherwise tells Warden its own workspace.
 */
export type SlackCredentials =
  | { mode: 'http'; botToken: string; signingSecret: string; apiUrl: string; workspace?: SlackWorkspace }
  | { mode: 'socket'; botToken: string; appToken: string; signingSecret?: string; apiUrl: string; workspace?: SlackWorkspace };

/**
 * The Slack credentials, or WardenError('config_invalid') naming exactly the variables missing. In Socket
 * Mode (SLACK_APP_TOKEN set) requests do not come over HTTP, so the signing secret is not required.
 */
export function requireSlackCredentials(env: WardenEnv): SlackCredentials {
  const { botToken, signingSecret, appToken, apiUrl, workspace } = env.slack;
  const known = workspace ? { workspace } : {};
  if (botToken !== undefined && appToken !== undefined) return { mode: 'socket', botToken, appToken, signingSecret, apiUrl, ...known };
  if (botToken !== undefined && signingSecret !== undefined) return { mode: 'http', botToken, signingSecret, apiUrl, ...known };
  const missing = [
    ...(botToken === undefined ? ['SLACK_BOT_TOKEN'] : []),
    ...(signingSecret === undefined && appToken === undefined ? ['SLACK_SIGNING_SECRET'] : []),
  ];
  throw new WardenError(
    'config_invalid',
    `missing Slack credentials: ${missing.join(', ')} (or the same names with _FILE pointing to a file). ` +
      'Set SLACK_APP_TOKEN as well to use Socket Mode instead of HTTP. ' +
      'To try Warden without Slack, run `npm run demo`.',
    { missing },
  );
}

/** Every secret value present, for the logger's redaction. */
export function secretValues(env: WardenEnv): string[] {
  const { botToken, signingSecret, appToken } = env.slack;
  const { token, routingKey, webhookSecrets } = env.pagerDuty;
  return [botToken, signingSecret, appToken, token, routingKey, ...webhookSecrets, env.audit.key, env.metrics.token].filter((v): v is string => v !== undefined);
}

function checkpointsPathOf(explicit: string | undefined, dbPath: string): string | null {
  if (explicit) return explicit;
  return dbPath === ':memory:' ? null : join(dirname(dbPath), 'audit-checkpoints.jsonl');
}

function workspaceOf(e: z.output<typeof envSchema>): { workspace?: SlackWorkspace } {
  if (!e.SLACK_TEAM_ID) return {};
  return { workspace: { teamId: e.SLACK_TEAM_ID, ...(e.SLACK_ENTERPRISE_ID ? { enterpriseId: e.SLACK_ENTERPRISE_ID } : {}) } };
}

function toWardenEnv(e: z.output<typeof envSchema>): WardenEnv {
  return {
    slack: { botToken: e.SLACK_BOT_TOKEN, signingSecret: e.SLACK_SIGNING_SECRET, appToken: e.SLACK_APP_TOKEN, apiUrl: e.SLACK_API_URL, ...workspaceOf(e) },
    pagerDuty: {
      token: e.PAGERDUTY_TOKEN,
      routingKey: e.PAGERDUTY_ROUTING_KEY,
      apiUrl: e.PAGERDUTY_API_URL,
      eventsUrl: e.PAGERDUTY_EVENTS_URL,
      webhookSecrets: e.PAGERDUTY_WEBHOOK_SECRET ?? [],
    },
    dbPath: e.WARDEN_DB,
    audit: { ...(e.WARDEN_AUDIT_KEY ? { key: pemText(e.WARDEN_AUDIT_KEY) } : {}), checkpointsPath: checkpointsPathOf(e.WARDEN_AUDIT_CHECKPOINTS, e.WARDEN_DB) },
    configPath: e.WARDEN_CONFIG,
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    metrics: { ...(e.METRICS_TOKEN ? { token: e.METRICS_TOKEN } : {}), ...(e.METRICS_PORT ? { port: e.METRICS_PORT } : {}) },
    timeZone: e.TZ,
  };
}
