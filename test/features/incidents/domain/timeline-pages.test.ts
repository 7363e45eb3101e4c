import { describe, expect, it } from 'vitest';
import { timelinePage } from '../../../../src/features/incidents/domain/timeline-pages.js';

describe('timeline pages', () => {
  it('when no page is asked for, then the last page (the most recent entries) is shown', () => {
    expect(timelinePage(400, 'last', 25)).toEqual({ page: 16, pages: 16, total: 400, offset: 375, limit: 25 });
    expect(timelinePage(401, 'last', 25)).toEqual({ page: 17, pages: 17, total: 401, offset: 400, limit: 25 });
  });

  it('when a page is asked for, then pages count from the oldest, so page 1 keeps its entries as the timeline grows', () => {
    expect(timelinePage(3, 1, 25)).toMatchObject({ page: 1, pages: 1, offset: 0 });
    expect(timelinePage(400, 2, 25)).toMatchObject({ page: 2, offset: 25 });
    expect(timelinePage(4000, 2, 25)).toMatchObject({ page: 2, offset: 25 });
  });

  it('when the timeline is empty, then it has one empty page', () => {
    expect(timelinePage(0, 'last', 25)).toEqual({ page: 1, pages: 1, total: 0, offset: 0, limit: 25 });
    expect(timelinePage(0, 1, 25)).toMatchObject({ page: 1 });
  });

  it('when the page does not exist, then the error names the pages that do', () => {
    expect(() => timelinePage(400, 17, 25)).toThrow('There is no page 17: this timeline has 16 pages (1 is the oldest, 16 the newest).');
    expect(() => timelinePage(400, 0, 25)).toThrow('There is no page 0');
    expect(() => timelinePage(3, 2, 25)).toThrow('There is no page 2: this timeline has 1 page.');
    expect(() => timelinePage(3, 1.5, 25)).toThrow('There is no page 1.5');
  });
});
