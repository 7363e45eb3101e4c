// The layout's boundaries as one ESLint rule (ARCHITECTURE.md): a feature reaches another feature only through
// its index.ts; the platform imports no feature and no CLI; an adapter reaches a feature only through its
// index.ts; only a feature's own slack/ folder (and its index.ts) reaches the Slack adapter; a vendor SDK is
// imported by its adapter alone (Bolt and the Web API by adapters/slack, pdjs by adapters/pagerduty).
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));

const area = (file) => {
  const rel = relative(ROOT, file).split('\\').join('/');
  const feature = /^src\/features\/([^/]+)\/(.*)$/.exec(rel);
  if (feature) return { kind: 'feature', name: feature[1], rest: feature[2], rel };
  for (const kind of ['platform', 'adapters', 'cli', 'bin']) if (rel.startsWith(`src/${kind}/`)) return { kind, rel };
  return { kind: rel.startsWith('src/') ? 'root' : 'outside', rel };
};

/** Packages only one adapter folder may import: the rest of src/ goes through that adapter. */
const VENDOR_SDKS = [
  { pattern: /^@pagerduty\//, owner: 'src/adapters/pagerduty/' },
  { pattern: /^@slack\/(bolt|web-api|socket-mode)(\/|$)/, owner: 'src/adapters/slack/' },
];

/** Why `from` may not import the package `spec`, or null when it may. */
export function packageProblem(from, spec) {
  const rel = relative(ROOT, from).split('\\').join('/');
  if (!rel.startsWith('src/')) return null;
  const sdk = VENDOR_SDKS.find((v) => v.pattern.test(spec));
  if (!sdk || rel.startsWith(sdk.owner)) return null;
  return `only ${sdk.owner} imports ${spec}; use that adapter instead.`;
}

/** Why `from` may not import `to`, or null when it may. */
export function boundaryProblem(from, to) {
  const a = area(from);
  const b = area(to);
  if (a.kind === 'platform' && b.kind === 'feature') return `src/platform imports no feature (${b.rel}).`;
  if (a.kind === 'platform' && ['cli', 'bin', 'root'].includes(b.kind)) return `src/platform imports no ${b.kind} (${b.rel}).`;
  if (a.kind === 'adapters' && b.kind === 'feature' && b.rest !== 'index.ts') return `src/adapters reaches features/${b.name} only through its index.ts, not ${b.rest}.`;
  if (a.kind === 'adapters' && ['cli', 'bin', 'root'].includes(b.kind)) return `src/adapters imports no ${b.kind} (${b.rel}).`;
  if (a.kind === 'root' && b.kind === 'feature' && b.rest !== 'index.ts') return `the composition reaches features/${b.name} only through its index.ts, not ${b.rest}.`;
  if (a.kind !== 'feature') return null;
  // model.ts: a feature's pure vocabularies alone, for code that needs the words without the whole feature.
  if (b.kind === 'feature' && b.name !== a.name && b.rest !== 'index.ts' && b.rest !== 'model.ts') return `features/${a.name} reaches features/${b.name} only through its index.ts (or model.ts), not ${b.rest}.`;
  if (b.kind === 'cli' || b.kind === 'root' || b.kind === 'bin') return `a feature does not import the composition root or the CLI (${b.rel}).`;
  if (b.kind === 'adapters' && !(a.rest.startsWith('slack/') || a.rest === 'index.ts')) return `only a feature's slack/ folder and index.ts use the Slack adapter (${b.rel}).`;
  return null;
}

const rule = {
  meta: { type: 'problem', schema: [], messages: { crossed: '{{why}}' } },
  create(context) {
    const file = context.filename;
    const check = (node) => {
      const spec = node.source?.value;
      if (typeof spec !== 'string') return;
      if (!spec.startsWith('.')) {
        const why = packageProblem(file, spec);
        if (why) context.report({ node: node.source, messageId: 'crossed', data: { why } });
        return;
      }
      const target = resolve(dirname(file), spec).replace(/\.js$/, '.ts');
      const why = boundaryProblem(file, target);
      if (why) context.report({ node: node.source, messageId: 'crossed', data: { why } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

export const boundaries = { rules: { boundaries: rule } };
