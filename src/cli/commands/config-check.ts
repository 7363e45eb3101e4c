import { readFileSync } from 'node:fs';
import { checkEnv, requireSlackCredentials, type WardenEnv } from '../../platform/config/env.js';
import { checkConfigText, DEFAULT_CONFIG_PATH, loadConfig } from '../../config/load-config.js';
import { wardenFeatures } from '../../compose-features.js';
import { clockCatalogOf, loadRegimes, type WardenConfig } from '../../config/index.js';
import { checkTemplates, type ClockCatalog } from '../../features/notifications/index.js';
import { PACKAGE_ROOT } from '../package-root.js';
import { join } from 'node:path';
import { isWardenError } from '../../platform/errors.js';
import { formatProblem, lineAt, type YamlProblem } from '../../platform/yaml-validate.js';
import { ALL_IN_FORCE } from '../../features/notifications/index.js';

export interface CliIo {
  out(s: string): void;
  err(s: string): void;
}

const USAGE = [
  'usage: warden config check [PATH]',
  '',
  'Checks warden.yaml (PATH, else WARDEN_CONFIG, else ./warden.yaml) and the environment.',
  'Prints one line per problem as `file:line path: message`; exits 1 when there is any.',
  'Slack credentials are not required here (see docs/configuration.md).',
].join('\n');

/** `warden config check [PATH]`: 0 when the file and the environment are valid, 1 otherwise, 2 on bad usage. */
export function runConfigCheck(argv: string[], io: CliIo, env: NodeJS.ProcessEnv): number {
  if (argv.includes('--help') || argv.includes('-h') || argv[0] === 'help') {
    io.out(USAGE);
    return 0;
  }
  if (argv.length > 1 || argv.some((a) => a.startsWith('-'))) {
    io.err(`unexpected arguments: ${argv.join(' ')}\n${USAGE}`);
    return 2;
  }
  // A path that was named (PATH or WARDEN_CONFIG) must exist; only the default one may be absent.
  const named = argv[0] ?? (env.WARDEN_CONFIG?.trim() || undefined);
  const path = named ?? DEFAULT_CONFIG_PATH;
  const configOk = checkConfigFile(path, named !== undefined, io);
  const catalogOk = configOk && checkCatalogs(named, io);
  const envOk = checkEnvironment(env, io);
  return configOk && catalogOk && envOk ? 0 : 1;
}

/** What the configuration points at (playbooks, regimes, enabled regime ids, the review template) loads as `warden start` would load it. */
function checkCatalogs(path: string | undefined, io: CliIo): boolean {
  try {
    const { config, source, path: file } = loadConfig(path);
    // The regime files are read once here for every check below (wardenFeatures reads them again, as start-up does).
    const regimes = loadRegimes(config, [join(PACKAGE_ROOT, 'regimes')]);
    const unknown = source === 'file' ? unknownRegimeIds(config, file, regimes) : [];
    for (const p of unknown) io.err(formatProblem(p));
    if (unknown.length > 0) return false;
    wardenFeatures(config);
    io.out(`playbooks, regimes and the review template ok: ${config.playbooks.dirs.join(', ')}; regimes${config.notifications.regimes.extraDirs.length ? ` + ${config.notifications.regimes.extraDirs.join(', ')}` : ''}; ${config.templates.dir}`);
    const catalog = clockCatalogOf(config, regimes);
    for (const w of entityWarnings(config, catalog)) io.out(`warning: ${w}`);
    return checkNoticeTemplates(config, catalog, io);
  } catch (error) {
    if (!isWardenError(error)) throw error;
    io.err(error.message);
    return false;
  }
}

/** Each id in notifications.regimes.enabled that no regime file has, at its own line. */
function unknownRegimeIds(config: WardenConfig, file: string, regimes: ReadonlyMap<string, unknown>): YamlProblem[] {
  const { enabled } = config.notifications.regimes;
  if (enabled === ALL_IN_FORCE) return [];
  const known = [...regimes.keys()];
  const text = readFileSync(file, 'utf8');
  return enabled.flatMap((id, i) =>
    known.includes(id) ? [] : [{ file, line: lineAt(text, ['notifications', 'regimes', 'enabled', i]), path: `notifications.regimes.enabled[${i}]`, message: `unknown regime "${id}"; known: ${known.join(', ')}` }],
  );
}

/** Notice templates: variables, required elements and the stages they name, one line per problem as `file: message`. */
function checkNoticeTemplates(config: WardenConfig, catalog: ClockCatalog, io: CliIo): boolean {
  const stages = new Set([...catalog.entries.values()].flatMap((e) => e.regime.stages.map((s) => `${e.regime.id}:${s.id}`)));
  const problems = checkTemplates(config.templates.dir, stages);
  for (const p of problems) io.err(`${p.file}: ${p.message}`);
  if (problems.length === 0) io.out(`notice templates ok: ${config.templates.dir}`);
  return problems.length === 0;
}

/** Enabled regimes that count on the entity's own calendar, when no entity says what that is (a warning: the check still passes). */
function entityWarnings(config: WardenConfig, catalog: ClockCatalog): string[] {
  if (config.company.entities.length > 0) return [];
  const regimes = [...catalog.entries.values()].filter((e) => e.enabled && e.kind === 'law').map((e) => e.regime);
  const eu = regimes.filter((r) => r.jurisdiction.calendar === 'member_state');
  if (eu.length === 0) return [];
  const standIns = [...new Set(eu.map((r) => `${r.jurisdiction.zone} and ${r.jurisdiction.holidays} holidays`))].join(', ');
  const relief = eu.some((r) => r.weekendRule) ? ', and weekend relief (DORA RTS 2025/301 Art 5) is not applied' : '';
  return [`${eu.map((r) => r.id).join(', ')} count in the entity's Member State, but company.entities is empty: ${standIns} are only a stand-in${relief}; configure company.entities (see docs/entities.md)`];
}

function checkConfigFile(path: string, named: boolean, io: CliIo): boolean {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && named) {
      io.err(`no config file at ${path}: a path that is named (PATH or WARDEN_CONFIG) must exist`);
      return false;
    }
    if (code === 'ENOENT') {
      io.out(`no config file at ${path}: using defaults`);
      return true;
    }
    io.err(`cannot read config file ${path} (${code ?? 'unknown error'})`);
    return false;
  }
  const problems = checkConfigText(text, path);
  for (const problem of problems) io.err(formatProblem(problem));
  if (problems.length === 0) io.out(`config ok: ${path}`);
  return problems.length === 0;
}

function checkEnvironment(env: NodeJS.ProcessEnv, io: CliIo): boolean {
  const result = checkEnv(env);
  if (!result.ok) {
    for (const problem of result.problems) io.err(`env ${problem}`);
    return false;
  }
  io.out(`env ok (${slackMode(result.env)})`);
  return true;
}

function slackMode(env: WardenEnv): string {
  try {
    return `Slack: ${requireSlackCredentials(env).mode} mode`;
  } catch (error) {
    if (!isWardenError(error)) throw error;
    const missing = (error.details.missing as string[] | undefined) ?? [];
    return `Slack: not configured, missing ${missing.join(', ')}; \`npm run demo\` runs without Slack`;
  }
}
