import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listTemplates } from '../../../../src/features/notifications/index.js';
import { loadReviewTemplate, REVIEW_TEMPLATE_PATH } from '../../../../src/features/reviews/draft/template-file.js';
import { renderReview } from '../../../../src/features/reviews/draft/render.js';
import { errorOf } from '../../../support/error-of.js';
import { someFacts } from './review-builders.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A templates dir whose review template is `source`. */
function templatesWith(source: string): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'warden-review-template-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'reviews'));
  const file = join(dir, REVIEW_TEMPLATE_PATH);
  writeFileSync(file, source);
  return { dir, file };
}

const reader = { zone: 'UTC', fromProfile: true };

describe('review template file', () => {
  it('when a company replaces the template, then the draft follows its text', () => {
    const { dir } = templatesWith('# {{incident.id}}\n{{#each timeline}}\n* {{at}} {{text}}\n{{/each}}\n');
    expect(renderReview(loadReviewTemplate(dir), someFacts(), reader)).toBe('# INC-2026-0001\n* 2026-11-22 09:00 UTC Declared sev2: Checkout down\n* 2026-11-22 09:05 UTC Rolled back @carol’s deploy\n');
  });

  it('when the template uses an unknown variable, then loading refuses it naming the file and the line', () => {
    const { dir, file } = templatesWith('# {{incident.id}}\n\n{{#each timeline}}\n- {{at}} {{author}}\n{{/each}}\n');
    const error = errorOf(() => loadReviewTemplate(dir));
    expect(error).toMatchObject({ code: 'config_invalid' });
    expect(error.message).toContain(`${file}:4: unknown variable "author"`);
  });

  it('when the template does not parse, then loading refuses it with the line of the syntax error', () => {
    const { dir, file } = templatesWith('# {{incident.id}}\n\n{{#each timeline}}\n- {{at}}\n');
    expect(errorOf(() => loadReviewTemplate(dir)).message).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+: does not parse`));
  });

  it('when the template calls a helper or a partial, or walks a value as a list, then loading refuses it', () => {
    expect(errorOf(() => loadReviewTemplate(templatesWith('{{lookup incident "id"}}').dir)).message).toContain(':1: helpers are not available');
    expect(errorOf(() => loadReviewTemplate(templatesWith('\n{{> header}}').dir)).message).toContain(':2: PartialStatement is not available');
    expect(errorOf(() => loadReviewTemplate(templatesWith('{{#each incident.title}}x{{/each}}').dir)).message).toContain('"incident.title" is a value, expected a list');
    expect(errorOf(() => loadReviewTemplate(templatesWith('{{incident.constructor}}').dir)).message).toContain('unknown variable "incident.constructor"');
  });

  it('when a section is used outside its guard and is empty, then rendering fails with a clear error, not a blank', () => {
    const { dir } = templatesWith('{{review.owner}}');
    expect(errorOf(() => renderReview(loadReviewTemplate(dir), someFacts({ review: null }), reader))).toMatchObject({ code: 'config_invalid' });
  });

  it('when the templates directory has no review template, then loading says where it looked and what to copy', () => {
    const dir = mkdtempSync(join(tmpdir(), 'warden-review-template-'));
    dirs.push(dir);
    expect(errorOf(() => loadReviewTemplate(dir)).message).toContain(`no review template at ${join(dir, REVIEW_TEMPLATE_PATH)}`);
  });

  it('when the shipped templates directory is listed for notices, then the review template is not among them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'warden-review-template-'));
    dirs.push(dir);
    cpSync('templates', dir, { recursive: true });
    expect(listTemplates(dir)).not.toContain('post-incident-review');
    expect(listTemplates(dir).length).toBeGreaterThan(0);
  });
});
