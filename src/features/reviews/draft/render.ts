/**
 * Renders the post-incident review skeleton: a Markdown template with Handlebars variables over the review
 * view, compiled strict and without HTML escaping (the output is Markdown; user text is escaped for Markdown
 * in the view instead). Pure: the template source comes from template-file.ts.
 */
import Handlebars from 'handlebars';
import { WardenError } from '../../../platform/errors.js';
import type { ReviewFacts } from './facts.js';
import { reviewView, type People, type Reader } from './review-view.js';
import { templateProblems } from './template-check.js';

/** A checked, compiled review template. Build it with `compileReviewTemplate`. */
export interface ReviewTemplate {
  /** Where it came from (a file path), for errors. */
  readonly name: string;
  readonly render: (view: object) => string;
}

const hb = Handlebars.create();

/**
 * Checks and compiles a template's source.
 * @throws WardenError('config_invalid') naming `name:line` and the problem, for each problem found.
 */
export function compileReviewTemplate(name: string, source: string): ReviewTemplate {
  const problems = templateProblems(source);
  if (problems.length > 0) {
    const lines = problems.map((p) => `${name}:${p.line}: ${p.message}`);
    throw new WardenError('config_invalid', `Invalid review template:\n${lines.join('\n')}`, { problems: lines });
  }
  const render = hb.compile(source, { strict: true, noEscape: true, knownHelpersOnly: true });
  return { name, render };
}

/** The review as Markdown for `reader`, times in their zone; runs of blank lines left by empty blocks are folded. */
export function renderReview(template: ReviewTemplate, facts: ReviewFacts, reader: Reader, people: People = {}): string {
  let markdown: string;
  try {
    markdown = template.render(reviewView(facts, reader, people));
  } catch (e) {
    // Strict mode: a path through a missing value (`review.owner` outside `{{#if review}}`) fails here.
    const message = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw new WardenError('config_invalid', `review template ${template.name}: ${message}`);
  }
  return `${markdown.replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
