import { describe, expect, it } from 'vitest';
import { flagChangeEffect, selectPlaybook, visibleSteps } from '../../../../src/features/playbooks/domain/select.js';
import { aPlaybook, aStep, anIncident } from './builders.js';

const generic = aPlaybook({ id: 'generic', appliesTo: { types: ['security', 'privacy'], severities: [], flags: [] } });
const breach = aPlaybook({ id: 'breach', appliesTo: { types: ['security', 'privacy'], severities: [], flags: ['personal_data'] } });
const sev1Only = aPlaybook({ id: 'sev1-security', appliesTo: { types: ['security'], severities: ['sev1'], flags: [] } });
const outage = aPlaybook({ id: 'outage', appliesTo: { types: ['outage'], severities: [], flags: [] } });

describe('selectPlaybook', () => {
  it('when no playbook lists the incident type, then it returns null', () => {
    expect(selectPlaybook([generic, outage], anIncident({ type: 'ddos' }))).toBeNull();
  });

  it('when a required flag is off, then that playbook does not apply', () => {
    expect(selectPlaybook([breach], anIncident({ flags: ['eu_subjects'] }))).toBeNull();
  });

  it('when several apply, then the one requiring more flags wins over a generic one', () => {
    const chosen = selectPlaybook([generic, breach], anIncident({ flags: ['personal_data'] }));
    expect(chosen?.id).toBe('breach');
  });

  it('when several apply, then a higher priority beats specificity', () => {
    const preferred = { ...generic, id: 'preferred', priority: 5 };
    expect(selectPlaybook([breach, preferred], anIncident({ flags: ['personal_data'] }))?.id).toBe('preferred');
  });

  it('when flags tie, then a playbook listing severities beats one for any severity', () => {
    expect(selectPlaybook([generic, sev1Only], anIncident({ severity: 'sev1' }))?.id).toBe('sev1-security');
    expect(selectPlaybook([generic, sev1Only], anIncident({ severity: 'sev2' }))?.id).toBe('generic');
  });

  it('when a fallback and a specific playbook both apply, then the specific one wins, whatever the priorities', () => {
    const fallback = { ...generic, id: 'fallback', fallback: true, priority: 100 };
    expect(selectPlaybook([fallback, generic], anIncident())?.id).toBe('generic');
    expect(selectPlaybook([generic, fallback], anIncident())?.id).toBe('generic');
    expect(selectPlaybook([fallback, breach], anIncident({ flags: ['personal_data'] }))?.id).toBe('breach');
  });

  it('when only a fallback applies, then it is chosen; when it does not list the type, then none is', () => {
    const fallback = { ...generic, id: 'fallback', fallback: true };
    expect(selectPlaybook([fallback, breach, outage], anIncident())?.id).toBe('fallback');
    expect(selectPlaybook([fallback, breach], anIncident({ type: 'outage' }))).toBeNull();
  });

  it('when several fallbacks apply, then they are ranked like any others', () => {
    const wide = { ...generic, id: 'wide', fallback: true };
    const narrow = { ...sev1Only, id: 'narrow', fallback: true };
    expect(selectPlaybook([wide, narrow], anIncident({ severity: 'sev1' }))?.id).toBe('narrow');
    expect(selectPlaybook([wide, narrow], anIncident({ severity: 'sev2' }))?.id).toBe('wide');
  });

  it('when everything ties, then the choice is by id and does not depend on order', () => {
    const b = { ...generic, id: 'b' };
    const a = { ...generic, id: 'a' };
    expect(selectPlaybook([b, a], anIncident())?.id).toBe('a');
    expect(selectPlaybook([a, b], anIncident())?.id).toBe('a');
  });
});

const conditional = aPlaybook({
  steps: [
    aStep({ id: 'always' }),
    aStep({ id: 'eu', when: { flagsAll: ['personal_data', 'eu_subjects'], flagsAny: [], flagsNone: [], severities: null } }),
    aStep({ id: 'not-phi', when: { flagsAll: [], flagsAny: [], flagsNone: ['phi'], severities: null } }),
    aStep({ id: 'big', when: { flagsAll: [], flagsAny: [], flagsNone: [], severities: ['sev1', 'sev2'] } }),
    aStep({ id: 'any', when: { flagsAll: [], flagsAny: ['phi', 'eu_subjects'], flagsNone: [], severities: null } }),
  ],
});
const ids = (steps: { id: string }[]) => steps.map((s) => s.id);

describe('visibleSteps', () => {
  it('when no flag is on at sev3, then only the unconditional and flags_none steps show', () => {
    expect(ids(visibleSteps(conditional, anIncident({ severity: 'sev3' })))).toEqual(['always', 'not-phi']);
  });

  it('when all flags of flags_all are on, then the step shows; one missing hides it', () => {
    expect(ids(visibleSteps(conditional, anIncident({ flags: ['personal_data', 'eu_subjects'] })))).toContain('eu');
    expect(ids(visibleSteps(conditional, anIncident({ flags: ['eu_subjects'] })))).not.toContain('eu');
  });

  it('when a flags_none flag is on, then the step hides', () => {
    expect(ids(visibleSteps(conditional, anIncident({ flags: ['phi'] })))).not.toContain('not-phi');
  });

  it('when the severity is not listed, then the step hides', () => {
    expect(ids(visibleSteps(conditional, anIncident({ severity: 'sev1' })))).toContain('big');
    expect(ids(visibleSteps(conditional, anIncident({ severity: 'sev4' })))).not.toContain('big');
  });

  it('when any flag of flags_any is on, then the step shows', () => {
    expect(ids(visibleSteps(conditional, anIncident({ flags: ['phi'] })))).toContain('any');
  });
});

describe('flagChangeEffect', () => {
  it('when a flag turns on, then it lists the steps that appeared and those that left, in playbook order', () => {
    const before = anIncident({ severity: 'sev3', flags: ['personal_data'] });
    const after = anIncident({ severity: 'sev3', flags: ['personal_data', 'eu_subjects', 'phi'] });
    expect(flagChangeEffect(conditional, before, after)).toEqual({ appeared: ['eu', 'any'], left: ['not-phi'] });
  });

  it('when nothing visible changes, then both lists are empty', () => {
    const i = anIncident({ flags: ['customer_impact'] });
    expect(flagChangeEffect(conditional, anIncident(), i)).toEqual({ appeared: [], left: [] });
  });
});
