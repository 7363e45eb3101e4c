/** The review template on disk: `<templates.dir>/reviews/post-incident-review.md` (notices are `<dir>/*.md`). */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WardenError } from '../../../platform/errors.js';
import { compileReviewTemplate, type ReviewTemplate } from './render.js';

/** Where the review template lives under the templates directory. */
export const REVIEW_TEMPLATE_PATH = join('reviews', 'post-incident-review.md');

/**
 * Reads, checks and compiles the review template of `templatesDir` (config `templates.dir`).
 * @throws WardenError('config_invalid') naming `file:line` for an unknown variable or a syntax error, or the
 *   path when the file is missing, so start-up stops with the reason.
 */
export function loadReviewTemplate(templatesDir: string): ReviewTemplate {
  const file = join(templatesDir, REVIEW_TEMPLATE_PATH);
  if (!existsSync(file)) {
    throw new WardenError('config_invalid', `no review template at ${file}: copy templates/reviews/post-incident-review.md from Warden's package and adapt it.`);
  }
  return compileReviewTemplate(file, readFileSync(file, 'utf8'));
}
