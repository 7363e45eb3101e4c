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
import { at, shippedRegime } from '../domain/deadlines/shipped-regimes.js';
import { repoPath } from '../../../support/repo-path.js';

const SHIPPED = repoPath('templates');
const tmp = mkdtempSync(join(tmpdir(), 'warden-templates-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('shipped templates', () => {
  it('ships the five notices', () => {
    expect(listTemplates(SHIPPED)).toEqual(['customer-final', 'customer-initial', 'customer-update', 'exec-summary', 'regulator-gdpr-art33']);
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
    expect(() => loadTemplate(SHIPPED, 'customer-apology')).toThrow(/no template "customer-apology"; available: customer-final, customer-initial/);
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

  it('when the directory does not exist, then it has no templates', () => {
    expect(listTemplates(join(tmp, 'missing'))).toEqual([]);
  });
});
