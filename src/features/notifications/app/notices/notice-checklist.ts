import { isWardenError, WardenError } from '../../../../platform/errors.js';
import { elementChecklist, placeholderChecklist, type ChecklistItem } from '../../domain/notices/required-elements.js';
import type { Notice } from '../../domain/notices/notice.js';
import type { NoticeTemplate } from '../../domain/notices/render-notice.js';
import type { NoticeTemplates } from '../clocks/clock-deps.js';

/**
 * The required elements of a stored notice, checked against its text. They come from its template as it is
 * now; when that template is gone or broken, every placeholder left in the text counts as to complete, so a
 * lost template never lets an incomplete notice through.
 */
export function noticeChecklist(templates: NoticeTemplates, notice: Pick<Notice, 'template' | 'text'>): ChecklistItem[] {
  let template: NoticeTemplate;
  try {
    template = templates.load(notice.template);
  } catch (e) {
    if (isWardenError(e) && (e.code === 'not_found' || e.code === 'bad_input')) return placeholderChecklist(notice.text);
    throw e;
  }
  return elementChecklist(template.meta.required, notice.text);
}

/**
 * The template for a stage (`gdpr:data_subjects`): the one whose front matter lists it.
 * @throws WardenError('not_found') when none does, ('bad_input') when several do, naming them.
 */
export function templateForStage(templates: NoticeTemplates, ref: string): NoticeTemplate {
  const loaded = templates.list().flatMap((name) => {
    try {
      return [templates.load(name)];
    } catch {
      return []; // a broken template is reported when it is named, and by `warden config check`
    }
  });
  const matches = loaded.filter((t) => t.meta.stages.includes(ref));
  if (matches.length === 1) return matches[0] as NoticeTemplate;
  if (matches.length > 1) throw new WardenError('bad_input', `Several templates are for ${ref}: ${matches.map((t) => t.name).join(', ')}. Name one: \`/incident notify ${matches[0]?.name ?? ''}\`.`);
  const withStages = loaded.filter((t) => t.meta.stages.length > 0).map((t) => `${t.name} (${t.meta.stages.join(', ')})`);
  throw new WardenError('not_found', `No template is for ${ref}. Templates for stages: ${withStages.join('; ') || 'none'}. Or name any template: ${templates.list().join(', ')}.`);
}
