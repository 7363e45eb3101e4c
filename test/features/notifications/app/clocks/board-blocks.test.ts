import { describe, expect, it } from 'vitest';
import { buildClockCatalog } from '../../../../../src/features/notifications/app/clocks/clock-catalog.js';
import { computeDeadlines } from '../../../../../src/features/notifications/domain/deadlines/compute-deadlines.js';
import { checkMessageBlocks } from '../../../../support/stand-ins/slack/index.js';
import { loadRegimeCatalog } from '../../../../../src/features/notifications/files/load-regimes.js';
import { boardMessages, type BoardModel } from '../../../../../src/features/notifications/slack/board-blocks.js';
import { approvalMessage } from '../../../../../src/features/notifications/slack/notice-blocks.js';

const loaded = loadRegimeCatalog(['regimes']);
if (!loaded.ok) throw new Error('the shipped catalog must load');
const catalog = buildClockCatalog(loaded.catalog.regimes, null, [], 'UTC');
const NOW = new Date('2026-11-22T09:00:00Z');
const aware = new Date('2026-11-22T08:00:00Z');

function boardOf(ids: string[], reason = 'fine'): BoardModel {
  const regimes = ids.map((id) => {
    const entry = catalog.entries.get(id)!;
    const stages = computeDeadlines(entry.regime, { events: { became_aware: aware, discovered: aware }, notNotifiable: { data_subjects: { reason, decidedAt: NOW } } }, NOW);
    return { entry, appliedBy: 'UALICE', appliedAt: NOW, stages };
  });
  return { incidentId: 'INC-2026-0001', now: NOW, events: [{ event: 'became_aware', at: aware, recordedBy: 'UBOB', recordedAt: NOW }], regimes, submissions: [] };
}

describe('the deadline board', () => {
  it('when every regime of the catalog is on it, then it splits into messages Slack accepts', () => {
    const messages = boardMessages(boardOf([...catalog.entries.keys()]));
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) expect(checkMessageBlocks(m.blocks)).toEqual([]);
    expect(messages[1]?.text).toMatch(/\(part 2 of \d+\)$/);
  });

  it('when a rule is only partly verified, then every stage of it says so instead of presenting it as law', () => {
    const text = JSON.stringify(boardMessages(boardOf(['dora'])).map((m) => m.blocks));
    const stages = text.match(/legal deadline · [^_]*/g) ?? [];
    expect(stages.length).toBeGreaterThan(0);
    for (const s of stages) expect(s).toMatch(/rule partly verified: confirm with counsel|rule verified/);
    expect(text).toContain(':warning: rule partly verified: confirm with counsel');
  });

  it('when a rationale carries markup, then it is escaped', () => {
    const text = JSON.stringify(boardMessages(boardOf(['gdpr'], 'see <!channel> & <https://x|y>')).map((m) => m.blocks));
    expect(text).toContain('Not notifiable: see &lt;!channel&gt; &amp; &lt;https://x|y&gt;');
    expect(text).not.toContain('<!channel>');
  });
});

describe('the approval request', () => {
  const notice = {
    id: 7, incidentId: 'INC-2026-0001', template: 'customer-initial', regimeId: 'gdpr', stageId: 'supervisory_authority',
    text: `${'x'.repeat(2_990)} <!here>`, draftedBy: 'UBOB', draftedAt: NOW, status: 'pending' as const, decidedBy: null, decidedAt: null, messageTs: null,
  };

  it('when the draft is as long as a notice may be, then Slack accepts it, escaped, with Approve and Request changes', () => {
    const m = approvalMessage(notice, ['<@ULEGAL01>']);
    expect(checkMessageBlocks(m.blocks)).toEqual([]);
    const text = JSON.stringify(m.blocks);
    expect(text).toContain('&lt;!here&gt;');
    expect(text).toContain('clocks.notice_approve');
    expect(text).toContain('Approvers: <@ULEGAL01>; never the drafter.');
  });

  it('when it is approved, then the buttons are gone and the next step is named', () => {
    const text = JSON.stringify(approvalMessage({ ...notice, status: 'approved', decidedBy: 'ULEGAL01', decidedAt: NOW }, ['<@ULEGAL01>']).blocks);
    expect(text).not.toContain('clocks.notice_approve');
    expect(text).toContain('/incident submitted gdpr:supervisory_authority &lt;reference&gt;');
  });
});
