import { describe, expect, it } from 'vitest';
import { repeatedPages } from './chaos-checks.js';

const trigger = (dedupKey: string) => ({ action: 'trigger' as const, dedupKey });

describe('the chaos run counting pages', () => {
  it('when one dedup key is triggered twice with no kill between, then it is a page sent twice', () => {
    expect(repeatedPages([trigger('a'), trigger('b'), trigger('a')], [])).toEqual({ duplicated: ['page a triggered again (events 1 and 3)'], acrossKills: [] });
  });

  it('when a kill falls between the two triggers, then the repeat is the one PagerDuty folds, reported apart', () => {
    expect(repeatedPages([trigger('a'), trigger('a')], [1])).toEqual({ duplicated: [], acrossKills: ['page a triggered again (events 1 and 2) after a kill'] });
  });

  it('when a kill fell before both or after both triggers, or a third trigger follows the excused one, then each is a duplicate', () => {
    expect(repeatedPages([trigger('a'), trigger('a')], [0, 2]).duplicated).toHaveLength(1);
    expect(repeatedPages([trigger('a'), trigger('a'), trigger('a')], [1])).toEqual({ duplicated: ['page a triggered again (events 2 and 3)'], acrossKills: ['page a triggered again (events 1 and 2) after a kill'] });
  });

  it('when the events are acknowledges and resolves of one key, then nothing is counted', () => {
    expect(repeatedPages([trigger('a'), { action: 'acknowledge', dedupKey: 'a' }, { action: 'resolve', dedupKey: 'a' }], [])).toEqual({ duplicated: [], acrossKills: [] });
  });
});
