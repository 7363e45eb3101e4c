import { describe, expect, it } from 'vitest';
import {
  actionNumber,
  compareActionIds,
  evidenceRefusal,
  lateness,
  listOrder,
  nextActionId,
  normalizeActionId,
  textRefusal,
  type ActionItem,
} from '../../../../src/features/actions/domain/action-item.js';

const anItem = (over: Partial<ActionItem>): ActionItem => ({
  incidentId: 'INC-2026-0001',
  id: 'A1',
  text: 'Rotate keys',
  owner: 'UBOB',
  dueAt: new Date('2026-12-01T00:00:00Z'),
  status: 'open',
  evidence: null,
  createdBy: 'UALICE',
  createdAt: new Date('2026-11-22T09:00:00Z'),
  doneBy: null,
  doneAt: null,
  planSince: new Date('2026-11-22T09:00:00Z'),
  nextReminder: 0,
  escalatedAt: null,
  ...over,
});

describe('action item ids', () => {
  it('when an incident has none, then the first is A1; after that, one more than the highest, even with gaps', () => {
    expect(nextActionId([])).toBe('A1');
    expect(nextActionId(['A1', 'A2'])).toBe('A3');
    expect(nextActionId(['A9', 'A10', 'A2'])).toBe('A11');
    expect(nextActionId(['A1', 'A5'])).toBe('A6');
  });

  it('when ids are sorted, then A10 comes after A9', () => {
    expect(['A10', 'A2', 'A9', 'A1'].sort(compareActionIds)).toEqual(['A1', 'A2', 'A9', 'A10']);
  });

  it.each([
    ['A1', 'A1'],
    ['a12', 'A12'],
    [' A3 ', 'A3'],
    ['A0', null],
    ['A01', null],
    ['B1', null],
    ['A', null],
    ['1', null],
    ['A1x', null],
    ['A1234567', null],
  ])('when `%s` is typed as an id, then it reads as %s', (word, id) => {
    expect(normalizeActionId(word)).toBe(id);
    expect(actionNumber(word)).toBe(id === null ? null : Number(id.slice(1)));
  });
});

describe('text and evidence', () => {
  it('when the text is empty or too long, then it is refused with the reason; 300 characters are fine', () => {
    expect(textRefusal('')).toContain('empty');
    expect(textRefusal('   ')).toContain('empty');
    expect(textRefusal('x'.repeat(300))).toBeNull();
    expect(textRefusal('x'.repeat(301))).toBe('The text is 301 characters; keep it to 300 (link a document for the details).');
    expect(evidenceRefusal('')).toBeNull();
    expect(evidenceRefusal('x'.repeat(1000))).toBeNull();
    expect(evidenceRefusal('x'.repeat(1001))).toContain('1001 characters');
  });
});

describe('plans and order', () => {
  it('when items are listed, then open ones come first, soonest due first, then done ones in id order', () => {
    const list = [
      anItem({ id: 'A1', status: 'done' }),
      anItem({ id: 'A2', dueAt: new Date('2026-12-05T00:00:00Z') }),
      anItem({ id: 'A10', status: 'done' }),
      anItem({ id: 'A3', dueAt: new Date('2026-12-02T00:00:00Z') }),
      anItem({ id: 'A4', dueAt: new Date('2026-12-02T00:00:00Z') }),
      anItem({ id: 'A9', status: 'done' }),
    ];
    expect(list.sort(listOrder).map((i) => i.id)).toEqual(['A3', 'A4', 'A2', 'A1', 'A9', 'A10']);
  });

  it.each([
    [30_000, '1 minute'],
    [5 * 60_000, '5 minutes'],
    [60 * 60_000, '1 hour'],
    [23 * 3_600_000, '23 hours'],
    [86_400_000, '1 day'],
    [3.5 * 86_400_000, '3 days'],
  ])('when an item is %i ms late, then it reads %s', (ms, words) => {
    expect(lateness(ms)).toBe(words);
  });
});
