// Test support: a notice context builder with everything filled in except what a test leaves out.
import type { NoticeContext } from '../../../../../src/features/notifications/domain/notices/notice-context.js';

export function aNoticeContext(overrides: Partial<NoticeContext> = {}): NoticeContext {
  return {
    incident: {
      id: 'INC-42',
      title: 'Unauthorised access to the billing database',
      severity: 'sev1',
      status: 'identified',
      declaredAt: '2025-03-28 11:00 CET',
      summary: 'An attacker used a leaked API key to read billing records.',
    },
    company: { name: 'Acme Cloud', contactEmail: 'security@acme.example', dpoContact: 'dpo@acme.example' },
    events: { detected: '2025-03-28 10:40 CET', became_aware: '2025-03-28 11:00 CET' },
    regimes: [],
    deadlines: [],
    facts: {},
    ...overrides,
  };
}
