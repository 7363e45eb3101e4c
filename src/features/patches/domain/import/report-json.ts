import type { z } from 'zod';
import { WardenError } from '../../../../platform/errors.js';

/** Warden refuses reports above this size before parsing them. */
export const MAX_REPORT_BYTES = 50 * 1024 * 1024;

const refuse = (reason: string): never => {
  throw new WardenError('bad_input', reason);
};

const megabytes = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/** Where a character offset falls, as people count it (line and column from 1). */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

/** Parses a file's text as JSON, refusing oversize files and saying where broken JSON stops. */
export function readJson(text: string, what: string): unknown {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_REPORT_BYTES) refuse(`The ${what} is ${megabytes(bytes)}; Warden reads files up to 50 MB.`);
  if (text.trim() === '') refuse(`The ${what} is empty.`);
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    const message = (e as Error).message;
    const position = /at position (\d+)/.exec(message);
    const end = text.trimEnd().length;
    const at = position ? Number(position[1]) : null;
    if (message.includes('end of JSON input') || (at !== null && at >= end)) {
      return refuse(`The ${what} is not valid JSON: it ends at ${lineAndColumn(text, end)} in the middle of a value, so it looks truncated.`);
    }
    const where = at === null ? '' : ` at ${lineAndColumn(text, at)}`;
    return refuse(`The ${what} is not valid JSON: parsing stopped${where} (${message}).`);
  }
}

/** `Results[2].Vulnerabilities[0].VulnerabilityID`, the way the report's own documentation names a field. */
export function pathText(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

type Issue = z.core.$ZodIssue;

/** For a union (npm's `via` is a name or an advisory), the branch that got furthest tells what is wrong. */
function deepestIssue(issue: Issue): { path: PropertyKey[]; issue: Issue } {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return { path: [...issue.path], issue };
  const branch = issue.errors.reduce((a, b) => (depth(b) > depth(a) ? b : a));
  const inner = branch[0];
  if (!inner) return { path: [...issue.path], issue };
  const found = deepestIssue(inner);
  return { path: [...issue.path, ...found.path], issue: found.issue };
}

const depth = (issues: readonly Issue[]): number => Math.max(0, ...issues.map((i) => i.path.length));

function issueText(issue: Issue): string {
  if (issue.code === 'invalid_type') {
    return issue.message.endsWith('received undefined') ? 'is missing' : `should be ${issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}`;
  }
  if (issue.code === 'invalid_value') return `should be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`;
  return issue.message;
}

/** Checks `value` against `schema`; a failure names the first broken field's path. */
export function parseShape<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const first = result.error.issues[0];
  if (!first) return refuse(`The ${what} does not have the expected shape.`);
  const { path, issue } = deepestIssue(first);
  const where = path.length === 0 ? 'The document' : pathText(path);
  return refuse(`This ${what} is broken: ${where} ${issueText(issue)}.`);
}

export { refuse };
