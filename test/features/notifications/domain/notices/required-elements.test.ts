import { describe, expect, it } from 'vitest';
import {
  elementChecklist,
  elementText,
  incomplete,
  placeholderChecklist,
  placeholderOf,
  requiredElementProblems,
  type NoticeMeta,
  type RequiredElement,
} from '../../../../../src/features/notifications/domain/notices/required-elements.js';
import { renderNotice, compileNotice } from '../../../../../src/features/notifications/domain/notices/render-notice.js';
import { aNoticeContext } from './a-notice-context.js';

const A: RequiredElement = { element: '(A)', label: 'what happened, with the dates', variables: ['facts.nature', 'facts.breachDate'] };
const E: RequiredElement = { element: '(E)', label: 'contact procedures', variables: ['company.contactPhone', 'company.contactEmail'] };
const meta = (required: RequiredElement[]): NoticeMeta => ({ citation: '45 CFR 164.404(c)', stages: [], required });

describe('the placeholder of a template variable', () => {
  it('is the fact, event or value placeholder the view renders, and none for a value that is always known', () => {
    expect(placeholderOf('facts.breachDate')).toBe('[to complete: date of the breach]');
    expect(placeholderOf('events.became_aware')).toBe('[not recorded: became aware]');
    expect(placeholderOf('company.contactPhone')).toBe('[to complete: contact telephone number]');
    expect(placeholderOf('company.dpoContact')).toBe('[to complete: DPO or contact point]');
    expect(placeholderOf('company.contactEmail')).toBeNull();
    expect(placeholderOf('facts.nope')).toBeNull();
  });
});

describe('the checklist of a draft', () => {
  const template = compileNotice('t', 'What: {{facts.nature}} on {{facts.breachDate}}. Call {{company.contactPhone}} or {{company.contactEmail}}.', meta([A, E]));

  it('when nothing is filled in, then every element is to complete with the placeholders still in the text', () => {
    const list = elementChecklist(template.meta.required, renderNotice(template, aNoticeContext()));
    expect(list).toEqual([
      { element: '(A)', label: 'what happened, with the dates', complete: false, missing: ['[to complete: nature of the breach]', '[to complete: date of the breach]'] },
      { element: '(E)', label: 'contact procedures', complete: false, missing: ['[to complete: contact telephone number]'] },
    ]);
  });

  it('when one variable of an element is filled in, then the element stays incomplete until all are', () => {
    const text = renderNotice(template, aNoticeContext({ facts: { nature: 'A stolen laptop' } }));
    expect(incomplete(elementChecklist([A], text))).toEqual([{ element: '(A)', label: 'what happened, with the dates', complete: false, missing: ['[to complete: date of the breach]'] }]);
  });

  it('when the comms lead replaces every placeholder in the text, then every element is complete', () => {
    const text = renderNotice(template, aNoticeContext({ facts: { nature: 'A stolen laptop' } }))
      .replace('[to complete: date of the breach]', '3 March 2026')
      .replace('[to complete: contact telephone number]', '1-800-555-0100');
    expect(incomplete(elementChecklist([A, E], text))).toEqual([]);
  });

  it('when a placeholder appears twice, then it is listed once', () => {
    expect(elementChecklist([A], '[to complete: nature of the breach] and again [to complete: nature of the breach]')[0]?.missing).toHaveLength(1);
  });

  it('when a template declares nothing, then every placeholder left in the text counts as to complete', () => {
    expect(placeholderChecklist('Dear all, [to complete: impact on customers]; seen [not recorded: detected]; [to complete: impact on customers].').map((i) => i.label)).toEqual([
      'to complete: impact on customers',
      'not recorded: detected',
    ]);
    expect(placeholderChecklist('All complete.')).toEqual([]);
  });

  it('names an element by where the law asks for it and what it is', () => {
    expect(elementText(A)).toBe('(A) what happened, with the dates');
  });
});

describe('problems of declared elements', () => {
  it('when an element names a variable the view does not have, then the problem names the element and the variable', () => {
    const bad = meta([{ element: '(B)', label: 'types of PHI', variables: ['facts.phiTypes'] }]);
    expect(requiredElementProblems(bad, new Set(['facts.phiTypes']))).toEqual(['required element (B) (types of PHI) names an unknown variable "facts.phiTypes"']);
  });

  it('when an element names a variable the template never shows, then it says so', () => {
    expect(requiredElementProblems(meta([E]), new Set(['company.contactEmail']))).toEqual(['required element (E) (contact procedures) names "company.contactPhone", which the template never shows']);
  });

  it('when an element names an object instead of a value, then it is unknown', () => {
    expect(requiredElementProblems(meta([{ element: 'x', label: 'y', variables: ['company'] }]), new Set(['company']))[0]).toMatch(/unknown variable "company"/);
  });

  it('when compiling, then a bad element refuses the template', () => {
    expect(() => compileNotice('t', '{{facts.nature}}', meta([E]))).toThrow('template t: required element (E) (contact procedures) names "company.contactPhone", which the template never shows');
  });
});
