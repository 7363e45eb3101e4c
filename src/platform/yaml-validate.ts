import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';

/** One thing wrong with a YAML file: where (file, line, path) and what was expected. */
export interface YamlProblem {
  file: string;
  line: number | null;
  path: string;
  message: string;
}

export type YamlResult<T> = { ok: true; value: T } | { ok: false; problems: YamlProblem[] };

/**
 * Parses YAML text and validates it with a zod schema. Every problem carries the file, the line of the
 * offending node (or of its nearest existing parent, for a missing key) and a path like `severities[1].updateEvery`.
 */
export function parseYamlWith<T>(schema: z.ZodType<T>, text: string, file: string): YamlResult<T> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => ({
        file,
        line: e.linePos?.[0]?.line ?? null,
        path: '',
        message: e.message.split('\n')[0] ?? e.message,
      })),
    };
  }
  // Aliases resolve only here: one to an anchor never set, or too many of them (an alias bomb), throws.
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return { ok: false, problems: [{ file, line: null, path: '', message: `YAML aliases: ${error instanceof Error ? error.message : String(error)}` }] };
  }
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, problems: parsed.error.issues.flatMap((issue) => problemsOf(issue, doc, lineCounter, file)) };
}

/** One problem per issue; an unknown key each on its own line (zod reports them together, at their object). */
function problemsOf(issue: z.core.$ZodIssue, doc: Document, lineCounter: LineCounter, file: string): YamlProblem[] {
  const path = formatPath(issue.path);
  if (issue.code === 'unrecognized_keys' && issue.keys.length > 0) {
    // A schema's own wording (`unknown step key "x": expected id, title ...`) is kept; several keys get one line each.
    const expected = /: expected .*$/.exec(issue.message)?.[0] ?? '';
    const messageOf = (key: string) => (issue.keys.length === 1 ? issue.message : `unknown key "${key}"${expected}`);
    return issue.keys.map((key) => ({ file, line: keyLine(doc, lineCounter, issue.path, key) ?? lineOf(doc, lineCounter, issue.path), path, message: messageOf(key) }));
  }
  return [{ file, line: lineOf(doc, lineCounter, issue.path), path, message: issue.message }];
}

/** The line of the node at `path` in a YAML text (or of its nearest existing parent); null when the text has none. */
export function lineAt(text: string, path: readonly PropertyKey[]): number | null {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  return doc.errors.length > 0 ? null : lineOf(doc, lineCounter, path);
}

/** `file:line path: message`, the form every check command prints. */
export function formatProblem(p: YamlProblem): string {
  const where = p.line === null ? p.file : `${p.file}:${p.line}`;
  return p.path ? `${where} ${p.path}: ${p.message}` : `${where} ${p.message}`;
}

/** `['severities', 1, 'updateEvery']` -> `severities[1].updateEvery`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i === 0 ? '' : '.'}${String(k)}`))
    .join('');
}

/** The line of `key` itself in the map at `path` (its value may start lines below). */
function keyLine(doc: Document, lineCounter: LineCounter, path: readonly PropertyKey[], key: string): number | null {
  const map = path.length === 0 ? doc.contents : doc.getIn(path as (string | number)[], true);
  if (!isMap(map)) return null;
  const pair = map.items.find((p) => isScalar(p.key) && p.key.value === key);
  return pair && isScalar(pair.key) && pair.key.range ? lineCounter.linePos(pair.key.range[0]).line : null;
}

function lineOf(doc: Document, lineCounter: LineCounter, path: readonly PropertyKey[]): number | null {
  for (let depth = path.length; depth >= 0; depth--) {
    const keys = path.slice(0, depth) as (string | number)[];
    const node = depth === 0 ? doc.contents : doc.getIn(keys, true);
    const offset = nodeOffset(node, doc, keys);
    if (offset !== null) return lineCounter.linePos(offset).line;
  }
  return null;
}

function nodeOffset(node: unknown, doc: Document, keys: (string | number)[]): number | null {
  if (node && typeof node === 'object' && 'range' in node) {
    const range = (node as { range?: [number, number, number] | null }).range;
    if (range) return range[0];
  }
  // A scalar key whose value is null has no node of its own: fall back to the key in the parent map.
  const parent = keys.length > 0 ? doc.getIn(keys.slice(0, -1), true) : null;
  if (isMap(parent)) {
    const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === keys[keys.length - 1]);
    if (pair && isScalar(pair.key) && pair.key.range) return pair.key.range[0];
  }
  return null;
}
