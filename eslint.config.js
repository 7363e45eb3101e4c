// Lint rules, including the import rules that keep Warden's layers pointing down (see DESIGN.md).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const io = ['better-sqlite3', 'node:fs', 'node:fs/promises', 'node:http', 'node:https', 'node:net', 'pino', 'undici'];
const outside = ['@slack/*', '@pagerduty/*'];
const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'TSEnumDeclaration', message: 'Use a const array of values instead of an enum (STYLE.md #7).' }],
    },
  },
  // General first: later blocks override this rule for their own folders.
  {
    files: ['src/**/*.ts'],
    ignores: ['src/slack/**', 'src/pagerduty/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: '@slack/bolt', message: 'Only src/slack imports @slack/bolt.' }],
          patterns: [{ group: ['@pagerduty/*'], message: 'Only src/pagerduty imports @pagerduty/pdjs.' }],
        },
      ],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: restrict(
      [...io, ...outside, '**/store/**', '**/app/**', '**/slack/**', '**/pagerduty/**', '**/cli/**', '**/config/**'],
      'src/domain is pure: no I/O, no Slack, no storage (DESIGN.md layers).',
    ),
  },
  {
    files: ['src/app/**/*.ts'],
    rules: restrict(
      ['better-sqlite3', ...outside, '**/slack/**', '**/pagerduty/**', '**/cli/**'],
      'src/app depends on ports, not on Slack, PagerDuty or SQLite directly.',
    ),
  },
  {
    files: ['src/store/**/*.ts'],
    rules: restrict([...outside, '**/slack/**', '**/pagerduty/**', '**/app/**', '**/cli/**'], 'src/store is below app and slack.'),
  },
);
