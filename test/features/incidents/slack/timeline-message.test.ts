import { describe, expect, it } from 'vitest';
import { timelinePage } from '../../../../src/features/incidents/domain/timeline-pages.js';
import { entryLine, timelineMessage } from '../../../../src/features/incidents/slack/blocks/timeline-message.js';
import type { TimelineEntry } from '../../../../src/features/incidents/domain/incident.js';
import { checkMessageBlocks } from '../../../support/stand-ins/slack/block-kit-limits.js';

const AT = new Date('2026-11-22T09:00:00Z');
const anEntry = (over: Partial<TimelineEntry> = {}): TimelineEntry => ({ id: 1, incidentId: 'INC-2026-0001', at: AT, kind: 'note', actor: 'UALICE', text: 'Rolled back', data: {}, ...over });

describe('a timeline line', () => {
  it('shows the time as a Slack date token, the kind as a short label and the actor as a mention', () => {
    expect(entryLine(anEntry({ kind: 'status_changed', text: 'Status investigating → resolved' }))).toBe(
      `<!date^${AT.getTime() / 1000}^{date_short_pretty} {time}|2026-11-22 09:00 UTC> · *status* · <@UALICE>: Status investigating → resolved`,
    );
  });

  it('escapes what a person typed, keeps a person mention, and names Warden and PagerDuty rather than mentioning them', () => {
    const line = entryLine(anEntry({ text: 'ping <!channel> & <@UBOB> *now*' }));
    expect(line).toContain('ping &lt;!channel&gt; &amp; <@UBOB> *now*');
    expect(entryLine(anEntry({ actor: 'warden' }))).toContain('· _warden_:');
    expect(entryLine(anEntry({ actor: 'pagerduty' }))).toContain('· _pagerduty_:');
  });

  it('cuts a long text and keeps a multi-line one on its line', () => {
    const line = entryLine(anEntry({ text: `first\nsecond ${'x'.repeat(1000)}` }));
    expect(line).toContain(': first second x');
    expect(line.endsWith('…')).toBe(true);
    expect(line.length).toBeLessThan(450);
  });

  it('shows a kind this version does not know as stored', () => {
    expect(entryLine(anEntry({ kind: 'review_done' as TimelineEntry['kind'] }))).toContain('· *review_done* ·');
  });
});

describe('a timeline page', () => {
  it('when every entry is as long and hostile as it can be, then Slack accepts the page', () => {
    const entries = Array.from({ length: 25 }, (_, i) => anEntry({ id: i, text: '&<>'.repeat(400) }));
    const page = timelinePage(400, 'last', 25);
    const message = timelineMessage('INC-2026-0001', page, entries);
    expect(checkMessageBlocks(message.blocks)).toEqual([]);
    expect(JSON.stringify(message.blocks)).not.toMatch(/<!channel>|&<>/);
  });

  it('when entries are short, then several share a section', () => {
    const entries = Array.from({ length: 25 }, (_, i) => anEntry({ id: i }));
    const message = timelineMessage('INC-2026-0001', timelinePage(25, 'last', 25), entries);
    expect(message.blocks).toHaveLength(3);
  });

  it('when the timeline is empty, then it says so', () => {
    expect(timelineMessage('INC-2026-0001', timelinePage(0, 'last'), []).text).toBe('*INC-2026-0001* has no timeline entries yet.');
  });
});
