import { describe, expect, it } from 'vitest';
import { closeRefusal, isFinished, refuseIfFinished, refuseOwnWaiver, reviewDueAt, reviewLink, waiveReason, type Review } from '../../../../src/features/reviews/domain/review.js';
import { errorOf } from '../../../support/error-of.js';

const POLICY = { dueWithinDays: { sev1: 5, sev2: 10 }, calendar: { zone: 'Europe/Paris', holidays: 'FR' } };
const AT = new Date('2026-12-22T09:00:00.000Z');
const review = (over: Partial<Review> = {}): Review => ({
  incidentId: 'INC-2026-0001',
  status: 'scheduled',
  drill: false,
  owner: 'UALICE',
  dueAt: new Date('2026-12-30T22:59:59.999Z'),
  meetingAt: null,
  link: null,
  waiveReason: null,
  decidedBy: null,
  decidedAt: null,
  planSince: AT,
  nextReminder: 0,
  escalatedAt: null,
  createdAt: AT,
  updatedAt: AT,
  ...over,
});

describe('reviewDueAt', () => {
  it('when the severity has a review, then it is due at the end of that many business days; otherwise there is none', () => {
    expect(reviewDueAt(AT, 'sev1', POLICY)?.toISOString()).toBe('2026-12-30T22:59:59.999Z');
    expect(reviewDueAt(AT, 'sev2', POLICY)?.toISOString()).toBe('2027-01-07T22:59:59.999Z'); // 25 Dec and 1 Jan skipped
    expect(reviewDueAt(AT, 'sev4', POLICY)).toBeNull();
  });
});

describe('finishing a review', () => {
  it.each([
    ['scheduled', false],
    ['paused', false],
    ['done', true],
    ['waived', true],
  ] as const)('when it is %s, then finished is %s', (status, finished) => {
    expect(isFinished({ status })).toBe(finished);
  });

  it('when it is already done or waived, then a further change is refused saying which', () => {
    expect(errorOf(() => refuseIfFinished(review({ status: 'done', link: 'https://x.example/r' }))).message).toContain('already done (https://x.example/r)');
    expect(errorOf(() => refuseIfFinished(review({ status: 'waived', waiveReason: 'Duplicate' }))).message).toContain('was waived: Duplicate');
    expect(() => refuseIfFinished(review())).not.toThrow();
  });

  it('when the owner waives their own review, then it is refused (four eyes)', () => {
    expect(errorOf(() => refuseOwnWaiver(review(), 'UALICE'))).toMatchObject({ code: 'not_allowed' });
    expect(() => refuseOwnWaiver(review(), 'ULEGAL01')).not.toThrow();
  });
});

describe('reviewLink and waiveReason', () => {
  it.each([
    ['https://wiki.example.com/r/1', 'https://wiki.example.com/r/1'],
    ['<https://wiki.example.com/r/1>', 'https://wiki.example.com/r/1'],
    ['<https://wiki.example.com/r/1|the review>', 'https://wiki.example.com/r/1'],
    ['  http://intranet/r?id=1&x=2 ', 'http://intranet/r?id=1&x=2'],
  ])('when the link is %s, then it is kept as %s', (text, link) => {
    expect(reviewLink(text)).toBe(link);
  });

  it.each([
    ['', 'Give the link'],
    ['not a link', 'That is not a link'],
    ['javascript:alert(1)', 'must start with https://'],
    [`https://x.example/${'a'.repeat(600)}`, 'keep it under 500'],
  ])('when the link is %j, then it is refused: %s', (text, message) => {
    expect(errorOf(() => reviewLink(text)).message).toContain(message);
  });

  it('when the reason is empty or too long, then it is refused; otherwise trimmed', () => {
    expect(errorOf(() => waiveReason('   ')).message).toContain('Say why');
    expect(errorOf(() => waiveReason('x'.repeat(501))).message).toContain('keep it under 500');
    expect(waiveReason('  Duplicate of INC-2026-0007 ')).toBe('Duplicate of INC-2026-0007');
  });
});

describe('closeRefusal', () => {
  it('when a required review is open, then closing is refused; done, waived, none or not required: it may close', () => {
    expect(closeRefusal(review(), true)).toContain('cannot close before its post-incident review is done or waived');
    expect(closeRefusal(review({ status: 'paused' }), true)).not.toBeNull();
    expect(closeRefusal(review({ status: 'done' }), true)).toBeNull();
    expect(closeRefusal(review({ status: 'waived' }), true)).toBeNull();
    expect(closeRefusal(null, true)).toBeNull();
    expect(closeRefusal(review(), false)).toBeNull();
  });
});
