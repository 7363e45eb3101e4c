import { describe, expect, it } from 'vitest';
import { compileNotice, renderNotice } from '../../../../../src/features/notifications/domain/notices/render-notice.js';
import { templateVariableProblems } from '../../../../../src/features/notifications/domain/notices/template-variables.js';
import { aNoticeContext } from './a-notice-context.js';
import { errorOf } from '../../../../support/error-of.js';

const render = (source: string, ctx = aNoticeContext()) => renderNotice(compileNotice('test-template', source), ctx);

describe('facts and events', () => {
  it('when a fact is not known yet, then it renders as a visible placeholder', () => {
    expect(render('Subjects: {{facts.subjectCategories}}')).toBe('Subjects: [to complete: categories of data subjects]');
  });

  it('when a fact is blank, then it is treated as not known', () => {
    expect(render('{{facts.nature}}', aNoticeContext({ facts: { nature: '   ' } }))).toBe('[to complete: nature of the breach]');
  });

  it('when a fact is known, then it renders verbatim, without HTML escaping', () => {
    expect(render('{{facts.nature}}', aNoticeContext({ facts: { nature: 'API key <leaked> & "used"' } }))).toBe('API key <leaked> & "used"');
  });

  it('when a clock event is not recorded, then it says so', () => {
    expect(render('{{events.determined}}')).toBe('[not recorded: determined]');
    expect(render('{{events.became_aware}}')).toBe('2025-03-28 11:00 CET');
  });

  it('when no DPO is configured, then the contact point is a placeholder', () => {
    const ctx = aNoticeContext({ company: { name: 'Acme', contactEmail: 'a@acme.example' } });
    expect(render('{{company.dpoContact}}', ctx)).toBe('[to complete: DPO or contact point]');
  });
});

describe('strictness', () => {
  it('when a variable is not part of the context, then compiling fails with bad_input naming the template and the variable', () => {
    const e = errorOf(() => compileNotice('customer-x', 'Hello\n{{facts.natur}}'));
    expect(e.code).toBe('bad_input');
    expect(e.message).toBe('template customer-x: unknown variable "facts.natur" (line 2)');
  });

  it('when a template uses a helper, a partial or a sub-expression, then it is refused', () => {
    expect(templateVariableProblems("{{lookup facts 'nature'}}")[0]).toMatch(/helpers are not available/);
    expect(templateVariableProblems('{{> footer}}')[0]).toMatch(/PartialStatement is not available/);
    expect(templateVariableProblems('{{#each (incident)}}x{{/each}}')[0]).toMatch(/only \{\{#if x\}\}/);
  });

  it('when a template prints an object or loops over a value, then it is refused', () => {
    expect(templateVariableProblems('{{incident}}')).toEqual(['"incident" is an object, expected a value (line 1)']);
    expect(templateVariableProblems('{{#each facts.nature}}x{{/each}}')).toEqual(['"facts.nature" is a value, expected a list (line 1)']);
  });

  it('when looping over deadlines, then item fields, @index and ../ parents are known and other names are not', () => {
    expect(templateVariableProblems('{{#each deadlines}}{{@index}} {{stage}} {{../company.name}} {{@root.incident.id}}{{/each}}')).toEqual([]);
    expect(templateVariableProblems('{{#each deadlines}}{{deadline}}{{/each}}')).toEqual(['unknown variable "deadline" (line 1)']);
  });

  it('when the template does not parse, then the problem says so', () => {
    expect(templateVariableProblems('{{#if facts.nature}}unclosed')[0]).toMatch(/^does not parse/);
  });

  it('when a context bypasses its type and lacks a field, then rendering fails naming it instead of printing nothing', () => {
    const ctx = aNoticeContext({ incident: { id: 'INC-1' } as never });
    const e = errorOf(() => render('{{incident.title}}', ctx));
    expect(e.message).toBe('template test-template: unknown variable "title"');
  });
});

describe('blocks', () => {
  it('when deadlines are listed, then each item renders and an empty list renders the else branch', () => {
    const source = '{{#each deadlines}}- {{stage}}: {{due}}\n{{else}}none{{/each}}';
    const deadline = { regime: 'gdpr', regimeName: 'GDPR', stage: 'supervisory_authority', recipient: 'SA', due: 'soon', dueKind: 'legal', status: 'open', verification: 'verified', citation: 'Art 33' };
    expect(render(source, aNoticeContext({ deadlines: [deadline] }))).toBe('- supervisory_authority: soon\n');
    expect(render(source)).toBe('none');
  });
});
