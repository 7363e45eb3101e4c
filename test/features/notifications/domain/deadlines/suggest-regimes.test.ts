import { describe, expect, it } from 'vitest';
import { REGIME_SUGGESTION_RULES, suggestRegimes } from '../../../../../src/features/notifications/domain/deadlines/suggest-regimes.js';
import { shippedRegime } from './shipped-regimes.js';

describe('suggestRegimes', () => {
  it('when personal data of EU subjects is involved, then it suggests gdpr', () => {
    expect(suggestRegimes(['personal_data', 'eu_subjects'])).toEqual(['gdpr']);
  });

  it('when only personal data is flagged, then it suggests nothing (residency decides which law applies)', () => {
    expect(suggestRegimes(['personal_data', 'customer_impact'])).toEqual([]);
  });

  it('when ransomware is flagged, then it suggests nothing on that alone', () => {
    expect(suggestRegimes(['ransomware'])).toEqual([]);
  });

  it('when PHI, a public company and a financial entity are flagged, then it suggests hipaa, sec-8k and dora', () => {
    expect(suggestRegimes(['phi', 'public_company', 'financial_entity'])).toEqual(['hipaa', 'sec-8k', 'dora']);
  });

  it('every suggested regime exists in the shipped catalog', () => {
    for (const rule of REGIME_SUGGESTION_RULES) expect(shippedRegime(rule.regimeId).id).toBe(rule.regimeId);
  });
});
