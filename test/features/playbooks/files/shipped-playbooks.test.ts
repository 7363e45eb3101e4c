import { describe, expect, it } from 'vitest';
import { PHASES, type Playbook } from '../../../../src/features/playbooks/domain/model.js';
import { selectPlaybook, visibleSteps } from '../../../../src/features/playbooks/domain/select.js';
import { checkPlaybookFiles, listPlaybookFiles, loadPlaybooks } from '../../../../src/features/playbooks/files/load-playbooks.js';
import { formatProblem } from '../../../../src/platform/yaml-validate.js';
import { repoPath } from '../../../support/repo-path.js';

const DIR = repoPath('playbooks');
const playbooks = loadPlaybooks(DIR);
const byId = (id: string): Playbook => {
  const p = playbooks.find((x) => x.id === id);
  if (!p) throw new Error(`no shipped playbook ${id}`);
  return p;
};
const stepOf = (p: Playbook, id: string) => p.steps.find((s) => s.id === id);

describe('shipped playbooks', () => {
  it('when checked, then every file passes with no problem', () => {
    const problems = checkPlaybookFiles(listPlaybookFiles(DIR)).flatMap((c) => c.problems.map(formatProblem));
    expect(problems).toEqual([]);
    expect(playbooks.map((p) => p.id).sort()).toEqual([
      'credential-leak', 'ddos', 'general-security-incident', 'personal-data-breach', 'ransomware', 'service-outage', 'tabletop-drill', 'third-party-compromise',
    ]);
  });

  it('when counted, then each has 10 to 30 steps and walks all four NIST phases', () => {
    for (const p of playbooks) {
      expect(p.steps.length, p.id).toBeGreaterThanOrEqual(10);
      expect(p.steps.length, p.id).toBeLessThanOrEqual(30);
      expect(new Set(p.steps.map((s) => s.phase)), p.id).toEqual(new Set(PHASES));
    }
  });

  it('when an incident of each kind is declared, then the matching playbook is selected', () => {
    const pick = (type: Parameters<typeof selectPlaybook>[1]['type'], flags: Playbook['appliesTo']['flags'] = []) =>
      selectPlaybook(playbooks, { type, severity: 'sev2', flags })?.id ?? null;
    expect(pick('privacy', ['personal_data'])).toBe('personal-data-breach');
    expect(pick('security', ['personal_data', 'eu_subjects'])).toBe('personal-data-breach');
    expect(pick('ransomware')).toBe('ransomware');
    expect(pick('credential_leak')).toBe('credential-leak');
    expect(pick('outage')).toBe('service-outage');
    expect(pick('ddos')).toBe('ddos');
    expect(pick('third_party')).toBe('third-party-compromise');
    expect(pick('drill')).toBe('tabletop-drill');
  });

  it('when a security incident has no more specific match, then the general playbook is selected, and only then', () => {
    const pick = (type: Parameters<typeof selectPlaybook>[1]['type'], flags: Playbook['appliesTo']['flags'] = []) =>
      selectPlaybook(playbooks, { type, severity: 'sev1', flags })?.id ?? null;
    expect(pick('security')).toBe('general-security-incident');
    expect(pick('privacy', ['eu_subjects'])).toBe('general-security-incident');
    expect(pick('security', ['personal_data'])).toBe('personal-data-breach');
    expect(pick('ransomware', ['personal_data'])).toBe('ransomware');
    expect(pick('outage')).toBe('service-outage');
    expect(pick('drill')).toBe('tabletop-drill');
    expect(playbooks.filter((p) => p.fallback).map((p) => p.id)).toEqual(['general-security-incident']);
    // Without the specific ones, every security type still gets a checklist; an outage and a drill do not get a security one.
    const general = [byId('general-security-incident')];
    for (const type of ['security', 'privacy', 'ransomware', 'credential_leak', 'ddos', 'third_party'] as const) {
      expect(selectPlaybook(general, { type, severity: 'sev3', flags: [] })?.id, type).toBe('general-security-incident');
    }
    expect(selectPlaybook(general, { type: 'outage', severity: 'sev3', flags: [] })).toBeNull();
    expect(selectPlaybook(general, { type: 'drill', severity: 'sev3', flags: [] })).toBeNull();
  });

  it('general security incident: evidence is preserved before containment, and notification duty is assessed', () => {
    const p = byId('general-security-incident');
    expect(PHASES.indexOf(stepOf(p, 'preserve-evidence')?.phase ?? 'post_incident')).toBeLessThan(PHASES.indexOf('containment'));
    expect(p.steps.map((s) => s.id)).toEqual(expect.arrayContaining(['triage', 'scope', 'contain', 'assess-notification', 'communicate', 'recover', 'post-incident-review']));
    expect(stepOf(p, 'assess-notification')).toMatchObject({ owner: 'comms', evidence: 'required' });
  });

  it('personal data breach: when eu_subjects is on, then the GDPR steps appear and run on the 72h awareness clock', () => {
    const p = byId('personal-data-breach');
    const ids = (flags: Playbook['appliesTo']['flags']) => visibleSteps(p, { type: 'privacy', severity: 'sev2', flags }).map((s) => s.id);
    expect(ids(['personal_data'])).not.toContain('notify-supervisory-authority');
    expect(ids(['personal_data', 'eu_subjects'])).toContain('decide-gdpr-notification');
    expect(ids(['personal_data', 'phi'])).toContain('hipaa-risk-assessment');
    expect(stepOf(p, 'notify-supervisory-authority')?.due).toMatchObject({ after: '72h', from: { kind: 'clock', event: 'became_aware' } });
  });

  it('when ordered by phase, then evidence is preserved before containment starts', () => {
    const phaseIndex = (p: Playbook, id: string) => PHASES.indexOf(stepOf(p, id)?.phase ?? 'post_incident');
    expect(phaseIndex(byId('personal-data-breach'), 'preserve-evidence')).toBeLessThan(PHASES.indexOf('containment'));
    expect(phaseIndex(byId('ransomware'), 'capture-memory')).toBeLessThan(PHASES.indexOf('containment'));
    expect(phaseIndex(byId('ransomware'), 'image-disks')).toBeLessThan(PHASES.indexOf('containment'));
  });

  it('ransomware: when a ransom is paid, then the payment report runs 24h from ransom_paid and the ransom decision needs a recorded reason', () => {
    const p = byId('ransomware');
    expect(stepOf(p, 'payment-reports')?.due).toMatchObject({ after: '24h', from: { kind: 'clock', event: 'ransom_paid' } });
    expect(stepOf(p, 'ransom-decision')).toMatchObject({ owner: 'commander', evidence: 'required' });
    expect(stepOf(p, 'sanctions-check')?.evidence).toBe('required');
  });

  it('leaked credential: when the secret is revoked, then that comes first and the log search counts from it', () => {
    const p = byId('credential-leak');
    expect(stepOf(p, 'revoke-secret')?.due?.afterMs).toBe(3_600_000);
    expect(stepOf(p, 'search-usage')?.due?.from).toEqual({ kind: 'step', stepId: 'revoke-secret' });
  });

  it('service outage: when customer_impact is off, then no customer communication step shows', () => {
    const p = byId('service-outage');
    const ids = (flags: Playbook['appliesTo']['flags']) => visibleSteps(p, { type: 'outage', severity: 'sev1', flags }).map((s) => s.id);
    expect(ids([])).not.toContain('status-page');
    expect(ids(['customer_impact'])).toEqual(expect.arrayContaining(['status-page', 'customer-comms']));
  });
});
