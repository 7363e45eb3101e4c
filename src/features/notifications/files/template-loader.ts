/**
 * Notice templates on disk: `templates/<name>.md`, an optional front matter (template-front-matter.ts) then
 * Markdown with Handlebars variables (see domain/notices for what a template may use).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WardenError } from '../../../platform/errors.js';
import { compileNotice, noticeTemplateProblems, type NoticeTemplate } from '../domain/notices/render-notice.js';
import { readFrontMatter } from './template-front-matter.js';

const NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Names (without `.md`) of the templates in `dir`, sorted. A missing directory has none. */
export function listTemplates(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md') && NAME.test(f.slice(0, -3)))
    .map((f) => f.slice(0, -3))
    .sort();
}

/**
 * Reads, checks and compiles `dir/<name>.md`.
 * @throws WardenError('bad_input') for a name that is not kebab-case or a template with an unknown variable;
 *   WardenError('not_found') naming the available templates when there is no such file.
 */
export function loadTemplate(dir: string, name: string): NoticeTemplate {
  if (!NAME.test(name)) throw new WardenError('bad_input', `template name "${name}": expected a kebab-case name like customer-initial`);
  const file = join(dir, `${name}.md`);
  if (!existsSync(file)) {
    const available = listTemplates(dir);
    throw new WardenError('not_found', `no template "${name}"; available: ${available.join(', ') || 'none'}`, { available });
  }
  const read = readFrontMatter(readFileSync(file, 'utf8'));
  if (!read.ok) throw new WardenError('bad_input', `template ${name}: ${read.problems[0]}`, { template: name, problems: read.problems });
  return compileNotice(name, read.template.body, read.template.meta, read.template.lineOffset);
}

/** One problem of one template file, for `warden config check`. */
export interface TemplateProblem {
  readonly file: string;
  readonly message: string;
}

/**
 * Checks that every template in `dir` parses, uses only known variables and blocks, and that its front matter
 * declares required elements whose variables exist and appear in it, and, given `knownStages`
 * (`regime:stage` of the catalog), stages that exist: a misspelt stage would never be offered its template.
 */
export function checkTemplates(dir: string, knownStages?: ReadonlySet<string>): TemplateProblem[] {
  return listTemplates(dir).flatMap((name) => {
    const file = join(dir, `${name}.md`);
    const read = readFrontMatter(readFileSync(file, 'utf8'));
    if (!read.ok) return read.problems.map((message) => ({ file, message }));
    const { body, meta, lineOffset } = read.template;
    const unknown = knownStages ? meta.stages.filter((s) => !knownStages.has(s)).map((s) => `front matter stages: "${s}" is not a stage of the regime catalog`) : [];
    return [...unknown, ...noticeTemplateProblems(body, meta, lineOffset)].map((message) => ({ file, message }));
  });
}
