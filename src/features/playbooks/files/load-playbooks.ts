/**
 * Reads playbooks from a directory of YAML files, validates each with the playbook schema (which runs the
 * per-playbook cross-checks) and checks across files that no two playbooks share an id. Severities and
 * owner roles are checked against the configured ones (`vocabulary`; the defaults when not given).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { WardenError } from '../../../platform/errors.js';
import type { Playbook } from '../domain/model.js';
import { DEFAULT_VOCABULARY, playbookSchemaFor, type IncidentVocabulary } from '../domain/schema.js';
import { formatProblem, parseYamlWith, type YamlProblem, type YamlResult } from '../../../platform/yaml-validate.js';

/** The outcome for one file: its playbook when valid, else the problems (file, line, path, message). */
export interface PlaybookFileCheck {
  file: string;
  playbook: Playbook | null;
  problems: YamlProblem[];
}

const isYaml = (name: string): boolean => name.endsWith('.yaml') || name.endsWith('.yml');

/** Validates one playbook file's text. */
export function checkPlaybookText(text: string, file: string, vocabulary: IncidentVocabulary = DEFAULT_VOCABULARY): YamlResult<Playbook> {
  return parseYamlWith(playbookSchemaFor(vocabulary), text, file);
}

/** The `.yaml`/`.yml` files directly in `dir`, sorted by name so the order never depends on the file system. */
export function listPlaybookFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter(isYaml)
    .sort()
    .map((name) => join(dir, name));
}

/** Paths as given on a command line: a directory stands for its playbook files. */
export function expandPlaybookPaths(paths: readonly string[]): string[] {
  return paths.flatMap((p) => (isDirectory(p) ? listPlaybookFiles(p) : [p]));
}

/** Checks each file, then that playbook ids are unique across all of them. */
export function checkPlaybookFiles(files: readonly string[], vocabulary: IncidentVocabulary = DEFAULT_VOCABULARY): PlaybookFileCheck[] {
  const schema = playbookSchemaFor(vocabulary);
  const texts = files.map((file) => ({ file, text: readText(file) }));
  const checks = texts.map(({ file, text }): PlaybookFileCheck => {
    if (typeof text !== 'string') return { file, playbook: null, problems: [text] };
    const r = parseYamlWith(schema, text, file);
    return r.ok ? { file, playbook: r.value, problems: [] } : { file, playbook: null, problems: r.problems };
  });
  const firstFileOf = new Map<string, string>();
  checks.forEach((c, i) => {
    if (!c.playbook) return;
    const first = firstFileOf.get(c.playbook.id);
    if (first === undefined) {
      firstFileOf.set(c.playbook.id, c.file);
      return;
    }
    const text = texts[i]?.text;
    c.problems.push({
      file: c.file,
      line: typeof text === 'string' ? idLine(text) : null,
      path: 'id',
      message: `duplicate playbook id "${c.playbook.id}": already used in ${first}`,
    });
    c.playbook = null;
  });
  return checks;
}

/**
 * Loads every playbook in `dir` for the running bot. Throws `config_invalid` listing every problem
 * (`file:line path: message`), so a broken playbook stops the boot rather than a response.
 */
export function loadPlaybooks(dir: string, vocabulary: IncidentVocabulary = DEFAULT_VOCABULARY): Playbook[] {
  const checks = checkPlaybookFiles(listPlaybookFiles(dir), vocabulary);
  const problems = checks.flatMap((c) => c.problems);
  if (problems.length > 0) {
    throw new WardenError('config_invalid', `Invalid playbooks:\n${problems.map(formatProblem).join('\n')}`, {
      problems,
    });
  }
  return checks.flatMap((c) => (c.playbook ? [c.playbook] : []));
}

function readText(file: string): string | YamlProblem {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const message = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : `cannot read (${code ?? String(e)})`;
    return { file, line: null, path: '', message };
  }
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function idLine(text: string): number | null {
  const lineCounter = new LineCounter();
  const node = parseDocument(text, { lineCounter }).get('id', true) as { range?: [number, number, number] } | undefined;
  return node?.range ? lineCounter.linePos(node.range[0]).line : null;
}
