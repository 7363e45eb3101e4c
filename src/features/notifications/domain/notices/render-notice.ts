/**
 * Rendering notices: Markdown templates with Handlebars variables, compiled in strict mode with no
 * HTML escaping (the output is Markdown for Slack and e-mail, not HTML). An unknown variable is an error
 * naming the template and the variable, never an empty string.
 */
import Handlebars from 'handlebars';
import { WardenError } from '../../../../platform/errors.js';
import { toNoticeView, type NoticeContext } from './notice-context.js';
import { NO_META, requiredElementProblems, type NoticeMeta } from './required-elements.js';
import { templateVariableProblems, templateVariablesUsed } from './template-variables.js';

/** A checked, compiled template. Build it with `compileNotice`. */
export interface NoticeTemplate {
  readonly name: string;
  readonly source: string;
  /** Its citation, stages and required elements (front matter); NO_META when it declares none. */
  readonly meta: NoticeMeta;
  readonly render: (view: object) => string;
}

const hb = Handlebars.create();

/** Every problem of a template's body and of its declared elements; `lineOffset` as in templateVariableProblems. */
export function noticeTemplateProblems(source: string, meta: NoticeMeta = NO_META, lineOffset = 0): string[] {
  const problems = templateVariableProblems(source, lineOffset);
  return problems.length > 0 ? problems : requiredElementProblems(meta, templateVariablesUsed(source));
}

/**
 * Checks and compiles a template's body (its front matter already read into `meta`).
 * @throws WardenError('bad_input') naming the template and the first problem (unknown variable, helper ...).
 */
export function compileNotice(name: string, source: string, meta: NoticeMeta = NO_META, lineOffset = 0): NoticeTemplate {
  const problems = noticeTemplateProblems(source, meta, lineOffset);
  if (problems.length > 0) {
    throw new WardenError('bad_input', `template ${name}: ${problems[0]}`, { template: name, problems });
  }
  const render = hb.compile(source, { strict: true, noEscape: true, knownHelpersOnly: true });
  return { name, source, meta, render };
}

/**
 * Renders a notice: missing facts show as `[to complete: ...]`, unrecorded events as `[not recorded: ...]`.
 * @throws WardenError('bad_input') if the template asks for something the context does not have.
 */
export function renderNotice(template: NoticeTemplate, context: NoticeContext): string {
  try {
    return template.render(toNoticeView(context));
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const variable = /^"([^"]+)" not defined/.exec(message)?.[1];
    const what = variable ? `unknown variable "${variable}"` : message.split('\n')[0];
    throw new WardenError('bad_input', `template ${template.name}: ${what}`, { template: template.name, variable });
  }
}
