// Lint rules, including the boundaries of the feature layout (../shared/ARCHITECTURE.md, README "Development").
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { boundaries } from './scripts/eslint-boundaries.js';

const io = ['better-sqlite3', 'node:fs', 'node:fs/promises', 'node:http', 'node:https', 'node:net', 'pino', 'undici'];
const outside = ['@slack/bolt', '@slack/web-api', '@slack/socket-mode', '@pagerduty/*'];
const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { warden: boundaries },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'Use a const array of values instead of an enum (STYLE.md #7).' },
        // The index loads all 300 functions, kept in the heap for the life of the process (bench 12's live heap).
        { selector: "ImportDeclaration[source.value='date-fns']", message: "Import each date-fns function from its own module ('date-fns/addDays'), not the package index." },
      ],
    },
  },
  { files: ['src/**/*.ts'], rules: { 'warden/boundaries': 'error' } },
  // General first: later blocks override this rule for their own folders.
  {
    files: ['src/**/*.ts'],
    ignores: ['src/adapters/slack/**', 'src/adapters/pagerduty/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@slack/bolt', message: 'Only src/adapters/slack imports @slack/bolt: features register through its listener wrapper.' },
            { name: '@slack/web-api', message: 'Only src/adapters/slack imports @slack/web-api: features call Slack through its gateway.' },
          ],
          patterns: [{ group: ['@pagerduty/*'], message: 'Only src/adapters/pagerduty imports @pagerduty/pdjs.' }],
        },
      ],
    },
  },
  {
    files: ['src/features/*/domain/**/*.ts'],
    rules: restrict(
      [...io, ...outside, '**/store/**', '**/app/**', '**/slack/**', '**/adapters/**', '**/cli/**', '**/config/**', '**/files/**'],
      'A domain folder is pure: no I/O, no Slack, no storage (ARCHITECTURE.md).',
    ),
  },
  {
    files: ['src/features/*/app/**/*.ts'],
    rules: restrict(
      ['better-sqlite3', ...outside, '**/slack/**', '**/adapters/**', '**/cli/**', '**/store/**'],
      'A use case depends on ports, not on Slack, PagerDuty or SQLite (ARCHITECTURE.md).',
    ),
  },
  {
    files: ['src/features/*/store/**/*.ts'],
    rules: restrict([...outside, '**/slack/**', '**/adapters/**', '**/app/**', '**/cli/**'], 'A store folder is below its use cases and Slack views.'),
  },
);
