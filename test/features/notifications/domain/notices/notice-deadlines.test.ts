import { describe, expect, it } from 'vitest';
import { computeDeadlines } from '../../../../../src/features/notifications/domain/deadlines/compute-deadlines.js';
import { noticeDeadlines } from '../../../../../src/features/notifications/domain/notices/notice-deadlines.js';
import { at, shippedRegime } from '../deadlines/shipped-regimes.js';

describe('noticeDeadlines', () => {
  it('shows legal deadlines in UTC and local time, and labels internal targets and waiting stages', () => {
    const list = computeDeadlines(shippedRegime('gdpr'), { events: { became_aware: at('2025-03-28T10:00:00Z') } }, at('2025-03-28T11:00:00Z'));
    expect(noticeDeadlines(list).map((d) => [d.stage, d.due])).toEqual([
      ['processor_to_controller', '2025-03-29T10:00:00Z (2025-03-29 11:00 +01:00 Europe/Brussels), internal target, not a legal deadline'],
      ['supervisory_authority', '2025-03-31T10:00:00Z (2025-03-31 12:00 +02:00 Europe/Brussels)'],
      ['data_subjects', 'no fixed period: without undue delay'],
    ]);
    const waiting = noticeDeadlines(computeDeadlines(shippedRegime('gdpr'), { events: {} }, at('2025-03-28T11:00:00Z')));
    expect(waiting[1]?.due).toBe('not running yet: waiting for became_aware');
  });

  it('labels a proposed regime as not yet law', () => {
    const list = computeDeadlines(shippedRegime('circia'), { events: {} }, at('2025-03-28T11:00:00Z'));
    expect(noticeDeadlines(list)[0]?.regimeName).toMatch(/\(proposed, not yet law\)$/);
  });
});
