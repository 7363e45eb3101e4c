import { describe, expect, it } from 'vitest';
import { noticeChecklist, templateForStage } from '../../../../../src/features/notifications/app/notices/notice-checklist.js';
import type { NoticeTemplates } from '../../../../../src/features/notifications/app/clocks/clock-deps.js';
import { compileNotice } from '../../../../../src/features/notifications/domain/notices/render-notice.js';
import { WardenError } from '../../../../../src/platform/errors.js';

const art34 = compileNotice('art34', '{{facts.nature}} {{facts.consequences}}', {
  citation: 'GDPR Art 34(2)',
  stages: ['gdpr:data_subjects'],
  required: [{ element: '34(2)', label: 'nature', variables: ['facts.nature'] }],
});
const plain = compileNotice('plain', '{{facts.nature}}');
const templates = (list: Record<string, ReturnType<typeof compileNotice> | 'broken'>): NoticeTemplates => ({
  list: () => Object.keys(list),
  load: (name) => {
    const t = list[name];
    if (t === 'broken') throw new WardenError('bad_input', `template ${name}: unknown variable "facts.x" (line 1)`);
    if (!t) throw new WardenError('not_found', `no template "${name}"`);
    return t;
  },
});

describe('the checklist of a stored notice', () => {
  it('checks the text against its template: only the declared elements count', () => {
    const list = noticeChecklist(templates({ art34 }), { template: 'art34', text: 'Bucket open. [to complete: likely consequences]' });
    expect(list).toEqual([{ element: '34(2)', label: 'nature', complete: true, missing: [] }]);
  });

  it('when its template is gone or broken, then every placeholder left in the text is to complete', () => {
    const text = '[to complete: nature of the breach] and [not recorded: detected]';
    for (const t of [templates({}), templates({ art34: 'broken' })]) {
      expect(noticeChecklist(t, { template: 'art34', text }).map((i) => i.missing[0])).toEqual(['[to complete: nature of the breach]', '[not recorded: detected]']);
    }
  });
});

describe('the template for a stage', () => {
  it('is the one whose front matter lists it; broken templates are skipped', () => {
    expect(templateForStage(templates({ plain, art34, bad: 'broken' }), 'gdpr:data_subjects').name).toBe('art34');
  });

  it('when none or several list it, then the error names the candidates', () => {
    expect(() => templateForStage(templates({ plain, art34 }), 'gdpr:supervisory_authority')).toThrow('No template is for gdpr:supervisory_authority. Templates for stages: art34 (gdpr:data_subjects). Or name any template: plain, art34.');
    const again = compileNotice('art34-bis', '{{facts.nature}}', { ...art34.meta });
    expect(() => templateForStage(templates({ art34, 'art34-bis': again }), 'gdpr:data_subjects')).toThrow('Several templates are for gdpr:data_subjects: art34, art34-bis.');
  });
});
