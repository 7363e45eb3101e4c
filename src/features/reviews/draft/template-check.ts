/**
 * Static check of a review template, as notice templates are checked: every `{{variable}}` must exist in the
 * review view, blocks are limited to `if`, `unless`, `each` and `with`, and nothing else (helpers, partials,
 * triple-stash) is allowed. Runs when the template is loaded, so a typo fails at start-up, not mid-review. Pure.
 */
// `hbs.AST` is the global namespace of handlebars' own type declarations.
import Handlebars from 'handlebars';

export type Shape = { kind: 'leaf' } | { kind: 'object'; fields: Readonly<Record<string, Shape>> } | { kind: 'list'; item: Shape };

const leaf: Shape = { kind: 'leaf' };
const object = (fields: readonly string[], nested: Readonly<Record<string, Shape>> = {}): Shape => ({
  kind: 'object',
  fields: { ...Object.fromEntries(fields.map((n) => [n, leaf])), ...nested },
});
const list = (item: Shape): Shape => ({ kind: 'list', item });

/** What a review template may use: the shape of `ReviewView` (review-view.ts; a test keeps the two in step). */
export const REVIEW_SHAPE: Shape = object(['generatedAt'], {
  reader: object(['zone', 'zoneName', 'fromProfile']),
  incident: object(['id', 'title', 'description', 'type', 'severity', 'status', 'drill', 'private', 'declaredBy', 'declaredAt', 'detectedAt', 'resolvedAt', 'closedAt', 'duration', 'timeToDetect']),
  review: object(['owner', 'dueAt', 'status', 'meetingAt', 'drill']),
  severityHistory: list(object(['severity', 'from', 'until', 'lasted', 'by'])),
  roles: list(object(['role', 'person', 'from', 'until', 'by'])),
  timeline: list(object(['at', 'kind', 'actor', 'text'])),
  regimes: list(object(['id', 'name', 'citation', 'proposed'], { stages: list(object(['stage', 'recipient', 'due', 'dueKind', 'outcome', 'result'])) })),
  notices: list(object(['stage', 'template', 'draftedBy', 'draftedAt', 'approvedBy', 'status', 'sent', 'submittedAt', 'submittedBy', 'reference'])),
  playbook: object(['name'], {
    done: list(object(['title', 'phase', 'by', 'at', 'evidence'])),
    skipped: list(object(['title', 'phase', 'by', 'at', 'reason'])),
    open: list(object(['title', 'phase', 'assignee', 'due', 'overdue'])),
  }),
  actionItems: list(object(['text', 'owner', 'due', 'status', 'done', 'doneBy', 'doneAt', 'evidence', 'createdBy'])),
});

const BLOCKS = ['if', 'unless', 'each', 'with'];
const KIND_TEXT = { leaf: 'a value', object: 'an object', list: 'a list' } as const;
const DATA_VARS = ['index', 'first', 'last', 'key'];

/** A problem with the line it is on. */
export interface TemplateProblem {
  line: number;
  message: string;
}

/** Problems of a template's source against `shape`, each with its line. Empty = fine. */
export function templateProblems(source: string, shape: Shape = REVIEW_SHAPE): TemplateProblem[] {
  let program: hbs.AST.Program;
  try {
    program = Handlebars.parse(source);
  } catch (e) {
    const message = (e as Error).message;
    const line = Number(/line (\d+)/.exec(message)?.[1] ?? 1);
    return [{ line, message: `does not parse: ${message.split('\n')[0]}` }];
  }
  const problems: TemplateProblem[] = [];
  walk(program, [shape], shape, problems);
  return problems;
}

function walk(program: hbs.AST.Program | undefined, scopes: Shape[], root: Shape, problems: TemplateProblem[]): void {
  for (const node of program?.body ?? []) {
    const line = node.loc.start.line;
    if (node.type === 'MustacheStatement') {
      const m = node as hbs.AST.MustacheStatement;
      if (m.params.length > 0 || m.hash || m.path.type !== 'PathExpression') {
        problems.push({ line, message: `helpers are not available in review templates: {{${pathText(m.path)} ...}}` });
      } else checkPath(m.path as hbs.AST.PathExpression, scopes, root, problems, 'leaf');
    } else if (node.type === 'BlockStatement') {
      walkBlock(node as hbs.AST.BlockStatement, scopes, root, problems);
    } else if (node.type !== 'ContentStatement' && node.type !== 'CommentStatement') {
      problems.push({ line, message: `${node.type} is not available in review templates` });
    }
  }
}

function walkBlock(b: hbs.AST.BlockStatement, scopes: Shape[], root: Shape, problems: TemplateProblem[]): void {
  const name = pathText(b.path);
  const arg = b.params[0];
  if (!BLOCKS.includes(name) || b.params.length !== 1 || arg?.type !== 'PathExpression') {
    problems.push({ line: b.loc.start.line, message: `only {{#if x}}, {{#unless x}}, {{#each list}} and {{#with x}} blocks are available, not {{#${name}}}` });
    return;
  }
  const want = name === 'each' ? 'list' : name === 'with' ? 'object' : 'any';
  const shape = checkPath(arg as hbs.AST.PathExpression, scopes, root, problems, want);
  if (name === 'each' && shape?.kind === 'list') walk(b.program, [...scopes, shape.item], root, problems);
  else if (name === 'with' && shape) walk(b.program, [...scopes, shape], root, problems);
  else if (name === 'if' || name === 'unless') walk(b.program, scopes, root, problems);
  walk(b.inverse, scopes, root, problems);
}

/** Resolves a path against the scopes; reports an unknown variable or a value of the wrong kind. */
function checkPath(p: hbs.AST.PathExpression, scopes: Shape[], root: Shape, problems: TemplateProblem[], want: 'leaf' | 'list' | 'object' | 'any'): Shape | null {
  const line = p.loc.start.line;
  if (p.data) {
    if (p.parts.length === 1 && DATA_VARS.includes(p.parts[0] ?? '')) return leaf;
    if (p.parts[0] !== 'root') {
      problems.push({ line, message: `unknown variable "${p.original}"` });
      return null;
    }
  }
  let shape: Shape | undefined = p.data ? root : scopes[scopes.length - 1 - p.depth];
  for (const part of p.data ? p.parts.slice(1) : p.parts) shape = shape?.kind === 'object' && Object.hasOwn(shape.fields, part) ? shape.fields[part] : undefined;
  if (!shape) {
    problems.push({ line, message: `unknown variable "${p.original}"` });
    return null;
  }
  if (want !== 'any' && shape.kind !== want) {
    problems.push({ line, message: `"${p.original}" is ${KIND_TEXT[shape.kind]}, expected ${KIND_TEXT[want]}` });
    return null;
  }
  return shape;
}

function pathText(e: hbs.AST.Expression): string {
  return e.type === 'PathExpression' ? (e as hbs.AST.PathExpression).original : e.type;
}
