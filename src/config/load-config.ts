import { readFileSync } from 'node:fs';
import { WardenError } from '../platform/errors.js';
import { formatPath, formatProblem, parseYamlWith, type YamlProblem } from '../platform/yaml-validate.js';
import { wardenConfigSchema, type WardenConfig } from './schema.js';

export const DEFAULT_CONFIG_PATH = './warden.yaml';

/** Reads a text file; throws a Node error (with `code`, e.g. ENOENT) when it cannot. */
export type ReadTextFile = (path: string, encoding: 'utf8') => string;

export interface LoadedConfig {
  config: WardenConfig;
  /** `defaults` when there is no file at the path: Warden runs on defaults alone. */
  source: 'file' | 'defaults';
  path: string;
}

/**
 * Loads warden.yaml: `path` is the one WARDEN_CONFIG names, undefined when unset. No file at the default path means
 * all defaults; a path that was named must exist (a mistyped one would run with no admins and no approvers). A
 * file may set only some keys. Throws WardenError('not_found') for a named path with no file, and
 * WardenError('config_invalid') listing every problem as `file:line path: message`.
 */
export function loadConfig(path: string | undefined, readFile: ReadTextFile = readFileSync): LoadedConfig {
  const file = path ?? DEFAULT_CONFIG_PATH;
  const text = readConfigText(file, readFile);
  if (text === null && path !== undefined) {
    throw new WardenError('not_found', `WARDEN_CONFIG: there is no file at ${path} (unset it to run on the defaults, or correct the path)`, { path });
  }
  if (text === null) return { config: defaultConfig(), source: 'defaults', path: file };
  const result = parseYamlWith(wardenConfigSchema, text, file);
  if (!result.ok) throw invalidConfig(file, byLine(result.problems));
  return { config: result.value, source: 'file', path: file };
}

/** The problems of a warden.yaml text (empty when it is valid), for `warden config check` and editors. */
export function checkConfigText(text: string, file: string): YamlProblem[] {
  const result = parseYamlWith(wardenConfigSchema, text, file);
  return result.ok ? [] : byLine(result.problems);
}

/** The configuration Warden uses when there is no file: a fresh object on each call. */
export function defaultConfig(): WardenConfig {
  return wardenConfigSchema.parse({});
}

/**
 * Builds a config from a plain object shaped like warden.yaml (tests and the demo use it:
 * `parseConfig({ severities: [{ name: 'sev1', updateEvery: '10m' }] })`). Throws like loadConfig.
 */
export function parseConfig(input: unknown, source = 'config'): WardenConfig {
  const parsed = wardenConfigSchema.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => ({
    file: source,
    line: null,
    path: formatPath(issue.path),
    message: issue.message,
  }));
  throw invalidConfig(source, problems);
}

/** The file's text, or null when there is no file there. Other read failures are config errors. */
function readConfigText(file: string, readFile: ReadTextFile): string | null {
  try {
    return readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    throw new WardenError('config_invalid', `cannot read config file ${file} (${code ?? 'unknown error'})`, { path: file });
  }
}

/** In file order, so a person can fix them top to bottom (the sort is stable within a line). */
function byLine(problems: YamlProblem[]): YamlProblem[] {
  return [...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

function invalidConfig(file: string, problems: YamlProblem[]): WardenError {
  const lines = problems.map(formatProblem);
  return new WardenError('config_invalid', [`invalid config ${file}:`, ...lines.map((l) => `  ${l}`)].join('\n'), {
    problems: lines,
  });
}
