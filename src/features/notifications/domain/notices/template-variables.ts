/**
 * Static check of a notice template: every `{{variable}}` must exist in the NoticeView, blocks are limited
 * to `if`, `unless`, `each` and `with`, and nothing else (helpers, partials) is allowed. This runs when a
 * template is loaded, so a typo fails `warden config check`, not a notice at 3 am.
 */
// `hbs.AST` is the global namespace of handlebars' own type declarations.
import Handlebars from 'handlebars';
import { CLOCK_EVENTS } from '../../../incidents/model.js';
import { NOTICE_FACTS } from './notice-context.js';

type Shape = { kind: 'leaf' } | { kind: 'object'; fields: Readonly<Record<string, Shape>> } | { kind: 'list'; item: Shape };

const leaf: Shape = { kind: 'leaf' };
const object = (names: readonly string[]): Shape => ({ kind: 'object', fields: Object.fromEntries(names.map((n) => [n, leaf])) });
const list = (item: Shape): Shape => ({ kind: 'list', item });

const VIEW: Shape = {
  kind: 'object',
  fields: {
    incident: object(['id', 'title', 'severity', 'status', 'declaredAt', 'summary']),
    company: object(['name', 'contactEmail', 'dpoContact', 'contactPhone']),
    events: object(CLOCK_EVENTS),
    facts: object(NOTICE_FACTS),
    regimes: list(object(['id', 'name', 'citation', 'verification'])),
    deadlines: list(object(['regime', 'regimeName', 'stage', 'recipient', 'due', 'dueKind', 'status', 'verification', 'citation'])),
  },
};

const BLOCKS = ['if', 'unless', 'each', 'with'];
const KIND_TEXT = { leaf: 'a value', object: 'an object', list: 'a list' } as const;
const DATA_VARS = ['index', 'first', 'last', 'key'];

/**
 * Problems found in a template's variables, each naming the variable and its line. Empty = fine.
 * `lineOffset`: lines before `source` in its file (a front matter), so the lines named are the file's.
 */
export function templateVariableProblems(source: string, lineOffset = 0): string[] {
  const problems: string[] = [];
  let program: hbs.AST.Program;
  try {
    program = Handlebars.parse(source);
  } catch (e) {
    return [`does not parse: ${(e as Error).message.split('\n')[0]}`];
  }
  walk(program, [VIEW], problems);
  return lineOffset === 0 ? problems : problems.map((p) => p.replace(/\(line (\d+)\)$/, (_, n: string) => `(line ${Number(n) + lineOffset})`));
}

/** Whether `path` (`facts.nature`, `company.name`) names one value of the view a template sees. */
export function isViewValue(path: string): boolean {
  let shape: Shape | undefined = VIEW;
  for (const part of path.split('.')) shape = shape?.kind === 'object' ? shape.fields[part] : undefined;
  return shape?.kind === 'leaf';
}

function walk(program: hbs.AST.Program | undefined, scopes: Shape[], problems: string[]): void {
  for (const node of program?.body ?? []) {
    const line = node.loc.start.line;
    if (node.type === 'MustacheStatement') {
      const m = node as hbs.AST.MustacheStatement;
      if (m.params.length > 0 || m.hash || m.path.type !== 'PathExpression') {
        problems.push(`helpers are not available in notices: {{${pathText(m.path)} ...}} (line ${line})`);
      } else checkPath(m.path as hbs.AST.PathExpression, scopes, problems, 'leaf');
    } else if (node.type === 'BlockStatement') {
      walkBlock(node as hbs.AST.BlockStatement, scopes, problems);
    } else if (node.type !== 'ContentStatement' && node.type !== 'CommentStatement') {
      problems.push(`${node.type} is not available in notices (line ${line})`);
    }
  }
}

function walkBlock(b: hbs.AST.BlockStatement, scopes: Shape[], problems: string[]): void {
  const name = pathText(b.path);
  const arg = b.params[0];
  if (!BLOCKS.includes(name) || b.params.length !== 1 || arg?.type !== 'PathExpression') {
    problems.push(`only {{#if x}}, {{#unless x}}, {{#each list}} and {{#with x}} blocks are available, not {{#${name}}} (line ${b.loc.start.line})`);
    return;
  }
  const shape = checkPath(arg as hbs.AST.PathExpression, scopes, problems, name === 'each' ? 'list' : name === 'with' ? 'object' : 'any');
  if (name === 'each' && shape?.kind === 'list') walk(b.program, [...scopes, shape.item], problems);
  else if (name === 'with' && shape) walk(b.program, [...scopes, shape], problems);
  else if (name === 'if' || name === 'unless') walk(b.program, scopes, problems);
  walk(b.inverse, scopes, problems);
}

/** Resolves a path against the scopes; reports an unknown variable or a value of the wrong kind. */
function checkPath(p: hbs.AST.PathExpression, scopes: Shape[], problems: string[], want: 'leaf' | 'list' | 'object' | 'any'): Shape | null {
  const line = p.loc.start.line;
  if (p.data) {
    if (p.parts.length === 1 && DATA_VARS.includes(p.parts[0] ?? '')) return leaf;
    if (p.parts[0] !== 'root') {
      problems.push(`unknown variable "${p.original}" (line ${line})`);
      return null;
    }
  }
  let shape: Shape | undefined = p.data ? VIEW : scopes[scopes.length - 1 - p.depth];
  const parts = p.data ? p.parts.slice(1) : p.parts;
  for (const part of parts) shape = shape?.kind === 'object' ? shape.fields[part] : undefined;
  if (!shape) {
    problems.push(`unknown variable "${p.original}" (line ${line})`);
    return null;
  }
  if (want !== 'any' && shape.kind !== want) {
    problems.push(`"${p.original}" is ${KIND_TEXT[shape.kind]}, expected ${KIND_TEXT[want]} (line ${line})`);
    return null;
  }
  return shape;
}

function pathText(e: hbs.AST.Expression): string {
  return e.type === 'PathExpression' ? (e as hbs.AST.PathExpression).original : e.type;
}

/** The view paths a template shows (`facts.nature`), as written at its top level; empty when it does not parse. */
export function templateVariablesUsed(source: string): Set<string> {
  const used = new Set<string>();
  let program: hbs.AST.Program;
  try {
    program = Handlebars.parse(source);
  } catch {
    return used;
  }
  const visit = (p: hbs.AST.Program | undefined): void => {
    for (const node of p?.body ?? []) {
      if (node.type === 'MustacheStatement') {
        const path = (node as hbs.AST.MustacheStatement).path;
        if (path.type === 'PathExpression') used.add((path as hbs.AST.PathExpression).original.replace(/^@root\./, ''));
      } else if (node.type === 'BlockStatement') {
        visit((node as hbs.AST.BlockStatement).program);
        visit((node as hbs.AST.BlockStatement).inverse);
      }
    }
  };
  visit(program);
  return used;
}
