import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { computeDeadlines } from '../../../../src/features/notifications/domain/deadlines/compute-deadlines.js';
import { WardenError } from '../../../../src/platform/errors.js';
import { noticeDeadlines, noticeRegimes } from '../../../../src/features/notifications/domain/notices/notice-deadlines.js';
import { renderNotice } from '../../../../src/features/notifications/domain/notices/render-notice.js';
import { checkTemplates, listTemplates, loadTemplate } from '../../../../src/features/notifications/files/template-loader.js';
import { aNoticeContext } from '../domain/notices/a-notice-context.js';
import { elementChecklist } from '../../../../src/features/notifications/domain/notices/required-elements.js';
import { at, shippedRegime } from '../domain/deadlines/shipped-regimes.js';
import { repoPath } from '../../../support/repo-path.js';

const SHIPPED = repoPath('templates');
const tmp = mkdtempSync(join(tmpdir(), 'warden-templates-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('shipped templates', () => {
  it('ships the customer, executive and regulator notices', () => {
    expect(listTemplates(SHIPPED)).toEqual([
      'customer-data-breach',
      'customer-final',
      'customer-initial',
      'customer-update',
      'data-subjects-gdpr-art34',
      'exec-summary',
      'individuals-hipaa-164-404',
      'media-hipaa-164-406',
      'regulator-dora-final',
      'regulator-dora-initial',
      'regulator-dora-intermediate',
      'regulator-gdpr-art33',
      'regulator-nis2-early-warning',
      'regulator-nis2-final',
      'regulator-nis2-notification',
      'regulator-nydfs-500-17',
      'regulator-sec-8k-1-05',
    ]);
  });

  it('every legal notice declares its citation, its stages and the elements the law requires, and a bare draft shows each as to complete', () => {
    const legal = listTemplates(SHIPPED).filter((n) => !['customer-final', 'customer-initial', 'customer-update', 'exec-summary'].includes(n));
    for (const name of legal) {
      const t = loadTemplate(SHIPPED, name);
      expect(t.meta.citation, name).toBeTruthy();
      expect(t.meta.required.length, name).toBeGreaterThan(0);
      const list = elementChecklist(t.meta.required, renderNotice(t, aNoticeContext({ company: { name: 'Acme', contactEmail: 'a@acme.example' }, events: {} })));
      expect(list.filter((i) => i.complete), name).toEqual([]);
      if (name !== 'customer-data-breach') expect(t.meta.stages.length, name).toBeGreaterThan(0);
    }
  });

  it('the HIPAA individual notice declares 164.404(c)(1)(A) to (E) and the SEC notice the parts of Item 1.05(a)', () => {
    expect(loadTemplate(SHIPPED, 'individuals-hipaa-164-404').meta.required.map((r) => r.element)).toEqual(['(A)', '(B)', '(C)', '(D)', '(E)']);
    const sec = loadTemplate(SHIPPED, 'regulator-sec-8k-1-05').meta.required.flatMap((r) => r.variables);
    expect(sec).toEqual(['facts.nature', 'facts.scope', 'facts.timing', 'facts.materialImpact', 'facts.financialImpact']);
  });

  it('when the facts of the HIPAA notice are filled in, then (A) to (E) are complete and read as written', () => {
    const facts = { nature: 'A laptop was stolen.', breachDate: '3 March 2026', discoveryDate: '4 March 2026', dataTypes: 'Names and diagnoses.', individualSteps: 'Watch your statements.', measures: 'We wiped the laptop.' };
    const t = loadTemplate(SHIPPED, 'individuals-hipaa-164-404');
    const text = renderNotice(t, aNoticeContext({ facts, company: { name: 'Acme Health', contactEmail: 'privacy@acme.example', contactPhone: '1-800-555-0100' } }));
    expect(elementChecklist(t.meta.required, text).every((i) => i.complete)).toBe(true);
    expect(text).toContain('The breach happened on 3 March 2026. We discovered it on 4 March 2026.');
    expect(text).toContain('Call us toll-free at 1-800-555-0100');
  });

  it('every shipped template compiles and references only known variables', () => {
    expect(checkTemplates(SHIPPED)).toEqual([]);
    for (const name of listTemplates(SHIPPED)) expect(loadTemplate(SHIPPED, name).name).toBe(name);
  });

  it('the GDPR Art 33 notice covers the Art 33(3) contents and marks every unknown fact for completion', () => {
    const ctx = aNoticeContext({ facts: { nature: 'Billing records read with a leaked API key', subjectsApprox: 'about 1,200' } });
    const text = renderNotice(loadTemplate(SHIPPED, 'regulator-gdpr-art33'), ctx);
    expect(text).toContain('Billing records read with a leaked API key');
    expect(text).toContain('Approximate number of data subjects concerned: about 1,200');
    expect(text).toContain('Categories of data subjects concerned: [to complete: categories of data subjects]');
    expect(text).toContain('Approximate number of personal data records concerned: [to complete: approximate number of personal data records]');
    expect(text).toContain('dpo@acme.example');
    expect(text).toContain('[to complete: likely consequences]');
    expect(text).toContain('[to complete: measures taken or proposed]');
    expect(text).toContain('Controller became aware:** 2025-03-28 11:00 CET');
  });

  it('every shipped template renders without an empty variable when nothing but the incident is known', () => {
    for (const name of listTemplates(SHIPPED)) {
      const text = renderNotice(loadTemplate(SHIPPED, name), aNoticeContext());
      expect(text, name).not.toMatch(/:\*\* *$|: *$/m);
    }
  });

  it('the executive summary lists the regimes and their deadlines, with verification labels', () => {
    const dora = shippedRegime('dora');
    const list = computeDeadlines(dora, { events: { became_aware: at('2025-03-03T08:00:00Z'), classified_major: at('2025-03-03T09:00:00Z') } }, at('2025-03-03T10:00:00Z'));
    const text = renderNotice(loadTemplate(SHIPPED, 'exec-summary'), aNoticeContext({ regimes: noticeRegimes([dora]), deadlines: noticeDeadlines(list) }));
    expect(text).toContain('- **DORA major ICT-related incident reporting (Art 19 + RTS 2025/301 Art 5), initial_notification** to');
    expect(text).toContain('2025-03-03T13:00:00Z (2025-03-03 14:00 +01:00 Europe/Brussels) [open; legal; verification: partial]');
    expect(text).not.toContain('No deadlines are running.');
    expect(renderNotice(loadTemplate(SHIPPED, 'exec-summary'), aNoticeContext())).toContain('No deadlines are running.');
  });
});

describe('loading templates', () => {
  it('when the template does not exist, then not_found names the available ones', () => {
    expect(() => loadTemplate(SHIPPED, 'customer-apology')).toThrow(/no template "customer-apology"; available: customer-data-breach, customer-final, customer-initial/);
  });

  it('when the name is not a kebab-case name, then it is refused before touching the disk', () => {
    const run = () => loadTemplate(SHIPPED, '../package');
    expect(run).toThrow(WardenError);
    expect(run).toThrow(/expected a kebab-case name/);
  });

  it('when a company template uses an unknown variable, then checking and loading both name the file or template and the variable', () => {
    writeFileSync(join(tmp, 'customer-sorry.md'), 'Dear customer,\n{{facts.apology}}\n');
    expect(checkTemplates(tmp)).toEqual([{ file: join(tmp, 'customer-sorry.md'), message: 'unknown variable "facts.apology" (line 2)' }]);
    expect(() => loadTemplate(tmp, 'customer-sorry')).toThrow('template customer-sorry: unknown variable "facts.apology" (line 2)');
  });

  it('when a required element names an unknown variable, then checking names the file, the element and the variable', () => {
    writeFileSync(join(tmp, 'regulator-x.md'), '---\ncitation: Art 1\nrequired:\n  - element: (a)\n    label: the nature\n    variable: facts.natur\n---\nNature: {{facts.nature}}\n');
    expect(checkTemplates(tmp).filter((p) => p.file.endsWith('regulator-x.md'))).toEqual([{ file: join(tmp, 'regulator-x.md'), message: 'required element (a) (the nature) names an unknown variable "facts.natur"' }]);
    expect(() => loadTemplate(tmp, 'regulator-x')).toThrow('template regulator-x: required element (a) (the nature) names an unknown variable "facts.natur"');
  });

  it('when the front matter is malformed, then checking names the field; lines of the body are counted from the top of the file', () => {
    writeFileSync(join(tmp, 'regulator-y.md'), '---\ncitation: Art 1\nstages: [gdpr]\nrequired:\n  - element: (a)\n    label: x\n---\n{{facts.nature}}\n');
    expect(checkTemplates(tmp).filter((p) => p.file.endsWith('regulator-y.md')).map((p) => p.message)).toEqual([
      'front matter stages.0: expected regime:stage, like gdpr:supervisory_authority',
      'front matter required.0: give either variable or variables',
    ]);
    writeFileSync(join(tmp, 'regulator-z.md'), '---\ncitation: Art 1\n---\nLine 4\n{{facts.oops}}\n');
    expect(checkTemplates(tmp).filter((p) => p.file.endsWith('regulator-z.md')).map((p) => p.message)).toEqual(['unknown variable "facts.oops" (line 5)']);
    writeFileSync(join(tmp, 'regulator-w.md'), '---\ncitation: Art 1\n{{facts.nature}}\n');
    expect(checkTemplates(tmp).filter((p) => p.file.endsWith('regulator-w.md')).map((p) => p.message)).toEqual(['front matter: no closing --- line']);
  });

  it('when the directory does not exist, then it has no templates', () => {
    expect(listTemplates(join(tmp, 'missing'))).toEqual([]);
  });
});
