import { describe, expect, it } from 'vitest';
import type { PatchDigest } from '../../../src/features/patches/index.js';
import type { ControlDigest } from '../../../src/features/access-reviews/index.js';
import { buildDigest, type DigestSources } from '../../../src/features/digests/app/build-digest.js';
import { DIGEST_SECTIONS } from '../../../src/features/digests/domain/digest-sections.js';
import { TOP_N, type Marks } from '../../../src/features/digests/domain/digest-part.js';
import { controlSection } from '../../../src/features/digests/domain/sections/control-section.js';
import { deadlineSection } from '../../../src/features/digests/domain/sections/deadline-section.js';
import { incidentSection, type OpenIncident } from '../../../src/features/digests/domain/sections/incident-section.js';
import { metricsSection, monthOf } from '../../../src/features/digests/domain/sections/metrics-section.js';
import { actionSection, reviewSection } from '../../../src/features/digests/domain/sections/overdue-section.js';
import { patchSection } from '../../../src/features/digests/domain/sections/patch-section.js';
import { digestMessage, slackMarks } from '../../../src/features/digests/slack/digest-message.js';
import { checkMessageBlocks } from '../../support/stand-ins/slack/block-kit-limits.js';

const NOW = new Date('2026-11-23T08:00:00Z');
const HOUR = 3_600_000;
const ago = (h: number) => new Date(NOW.getTime() - h * HOUR);
/** Plain marks: what a builder decides, without Slack's escaping. */
const m: Marks = { text: (s) => `[${s}]`, person: (u) => `@${u}`, at: (d) => d.toISOString() };
const SEVERITIES = ['sev1', 'sev2', 'sev3', 'sev4'];

const incident = (n: number, over: Partial<OpenIncident> = {}): OpenIncident => ({
  id: `INC-2026-${String(n).padStart(4, '0')}`, severity: 'sev3', title: `Incident ${n}`, status: 'investigating', private: false, drill: false, declaredAt: ago(n), ...over,
});
const many = <T>(n: number, make: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => make(i + 1));

describe('open incidents', () => {
  it('when none is open, then it says so', () => {
    expect(incidentSection([], SEVERITIES, m)).toEqual({ title: 'Open incidents', lines: ['None open.'], more: null });
  });

  it('when drills are open, then they are neither counted nor listed, and the count line says how many were left out', () => {
    expect(incidentSection([incident(1, { drill: true })], SEVERITIES, m).lines).toEqual(['None open. (1 drill open, not counted)']);
    const part = incidentSection([incident(1), incident(2, { drill: true, severity: 'sev1' }), incident(3, { drill: true })], SEVERITIES, m);
    expect(part.lines[0]).toBe('*1 open*: sev3: 1 (2 drills open, not counted)');
    expect(part.lines.slice(1).join('\n')).not.toMatch(/INC-2026-000[23]/);
  });

  it('when a few are open, then counts by severity, the most severe first, and a private one is counted but not titled', () => {
    const part = incidentSection([incident(1), incident(2, { severity: 'sev1', private: true, title: 'Secret' }), incident(3, { severity: 'sev1' })], SEVERITIES, m);
    expect(part.lines[0]).toBe('*3 open*: sev1: 2 · sev3: 1');
    expect(part.lines.slice(1).map((l) => l.split(':')[0])).toEqual(['• *INC-2026-0003* sev1 investigating', '• *INC-2026-0002* sev1 investigating', '• *INC-2026-0001* sev3 investigating']);
    expect(part.lines.join('\n')).not.toContain('Secret');
    expect(part.lines[2]).toContain('_private_');
    expect(part.more).toBeNull();
  });

  it('when 10,000 are open, then the top five and "and 9995 more" with the command that lists them', () => {
    const part = incidentSection(many(10_000, (i) => incident(i)), SEVERITIES, m);
    expect(part.lines).toHaveLength(1 + TOP_N);
    expect(part.more).toEqual({ count: 10_000 - TOP_N, command: '/incident list' });
  });
});

describe('legal deadlines', () => {
  const stage = (id: string, dueInH: number) => ({ incidentId: id, regimeName: 'GDPR', recipient: 'Supervisory authority', due: new Date(NOW.getTime() + dueInH * HOUR) });

  it('when none is missed or due within 72 hours, then it says so (one due in 73 hours is left out)', () => {
    expect(deadlineSection([stage('INC-1', 73)], NOW, m).lines).toEqual(['None missed, none due in the next 72 hours.']);
  });

  it('when one is missed and one due in 72 hours, then both, missed first, with how late and how long left', () => {
    const part = deadlineSection([stage('INC-2', 72), stage('INC-1', -5)], NOW, m);
    expect(part.lines[0]).toBe('*1 missed*, *1 due* in the next 72 hours');
    expect(part.lines[1]).toContain('*INC-1* [GDPR] → [Supervisory authority]: :red_circle: *missed by 5h*');
    expect(part.lines[2]).toContain('*INC-2* [GDPR] → [Supervisory authority]: due in 3d');
  });

  it('when 10,000 are live, then the top five and the rest counted', () => {
    expect(deadlineSection(many(10_000, (i) => stage(`INC-${i}`, i % 100 - 50)), NOW, m).more?.count).toBe(many(10_000, (i) => i % 100 - 50).filter((h) => h <= 72).length - TOP_N);
  });
});

describe('overdue reviews and action items', () => {
  it('when none is overdue, then it says so', () => {
    expect(reviewSection({ items: [], total: 0 }, NOW, m).lines).toEqual(['No review overdue.']);
    expect(actionSection({ items: [], total: 0 }, NOW, m).lines).toEqual(['No action item overdue.']);
  });

  it('when some are overdue, then owner, incident and how late; a private item without its text', () => {
    const review = reviewSection({ items: [{ incidentId: 'INC-1', itemId: null, text: null, owner: 'UALICE', dueAt: ago(26) }], total: 1 }, NOW, m);
    expect(review.lines).toEqual(['*1 overdue*', `• *INC-1*: @UALICE, *1d2h late* (due ${ago(26).toISOString()})`]);
    const items = [
      { incidentId: 'INC-1', itemId: 'A1', text: 'Rotate keys', owner: 'UBOB', dueAt: ago(3) },
      { incidentId: 'INC-2', itemId: 'A2', text: null, owner: 'UCAROL', dueAt: ago(1) },
    ];
    const actions = actionSection({ items, total: 2 }, NOW, m);
    expect(actions.lines.slice(1)).toEqual([`• *INC-1 A1* [Rotate keys]: @UBOB, *3h late* (due ${ago(3).toISOString()})`, `• *INC-2 A2*: @UCAROL, *1h late* (due ${ago(1).toISOString()})`]);
  });

  it('when 10,000 are overdue (the read brings the top five), then "and 9995 more"', () => {
    const items = many(TOP_N, (i) => ({ incidentId: `INC-${i}`, itemId: 'A1', text: 'x', owner: 'UBOB', dueAt: ago(i) }));
    expect(actionSection({ items, total: 10_000 }, NOW, m).more).toEqual({ count: 9995, command: '/incident action list INC-…' });
  });
});

const patchDigest = (overdueTotal: number): PatchDigest => ({
  openBySeverity: { critical: 2, high: 0, medium: 5, low: 1 } as PatchDigest['openBySeverity'],
  overdue: many(Math.min(overdueTotal, TOP_N), (i) => ({ id: `P-${i}`, severity: 'critical' as PatchDigest['overdue'][number]['severity'], owner: 'UBOB', asset: `host-${i}`, dueAt: ago(i * 24) })),
  overdueTotal,
  closedWithinSla: { days30: { closed: 4, withinSla: 3 }, days90: { closed: 0, withinSla: 0 } },
});

describe('patch SLAs and controls', () => {
  it('when the patch read model is not there yet, then the section says so', () => {
    expect(patchSection(null, NOW, m).lines).toEqual(['Patch SLAs are not tracked in this version of Warden yet.']);
    expect(controlSection(null, NOW, m).lines).toEqual(['Access reviews are not tracked in this version of Warden yet.']);
  });

  it('when findings are open and overdue, then counts, the share within SLA over 30 and 90 days, the overdue with owners, and "and N more"', () => {
    const part = patchSection(patchDigest(10_000), NOW, m);
    expect(part.lines[0]).toBe('*8 open*: critical: 2 · medium: 5 · low: 1 · *10000 overdue*');
    expect(part.lines[1]).toBe('Closed within SLA: 75% of 4 (30 days), none closed (90 days)');
    expect(part.lines[2]).toBe('• *[P-1]* critical [host-1]: @UBOB, *1d late*');
    expect(part.more).toEqual({ count: 10_000 - TOP_N, command: '/patch list overdue' });
  });

  it('when controls are overdue or unowned, then they are listed, "no owner" said, unowned capped', () => {
    const d: ControlDigest = {
      overdue: [{ id: 'C1', name: 'Prod access review', type: 'access-review', owner: null, dueAt: ago(48) }],
      overdueTotal: 1,
      unowned: many(7, (i) => `Control ${i}`),
    };
    const part = controlSection(d, NOW, m);
    expect(part.lines).toEqual(['*1 overdue*', '• *[Prod access review]* (access review): _no owner_, *2d late*', 'Unowned: [Control 1], [Control 2], [Control 3], [Control 4], [Control 5] and 2 more']);
    expect(part.more).toBeNull();
  });
});

describe('MTTA and MTTR of the month', () => {
  it("when the month starts, then it starts at midnight in the digest's zone", () => {
    expect(monthOf(new Date('2026-11-30T23:30:00Z'), 'Europe/Paris')).toEqual({ start: new Date('2026-11-30T23:00:00Z'), label: 'December 2026' });
    expect(monthOf(new Date('2026-11-30T23:30:00Z'), 'America/New_York')).toEqual({ start: new Date('2026-11-01T04:00:00Z'), label: 'November 2026' });
  });

  it('when incidents were declared, then by severity the means; none: it says so', () => {
    const rows = [
      { severity: 'sev1', incidents: 2, unresolved: 1, mtta: { meanSeconds: 300 }, mttr: { meanSeconds: 7200 } },
      { severity: 'sev2', incidents: 0, unresolved: 0, mtta: null, mttr: null },
    ];
    expect(metricsSection(rows, { label: 'November 2026' }).lines).toEqual(['• *sev1*: 2 incidents, MTTA 5m, MTTR 2h (1 unresolved)']);
    expect(metricsSection([], { label: 'November 2026' }).lines).toEqual(['No incidents declared this month.']);
  });
});

describe('the digest message', () => {
  const huge = 'x'.repeat(5_000);
  const sources: DigestSources = {
    severities: SEVERITIES,
    openIncidents: () => many(10_000, (i) => incident(i, { title: `<!channel> ${huge}` })),
    liveDeadlines: (ids) => ids.map((id, i) => ({ incidentId: id, regimeName: huge, recipient: huge, due: ago(i) })),
    overdueReviews: (_now, limit) => ({ items: many(limit, (i) => ({ incidentId: `INC-${i}`, itemId: null, text: null, owner: 'UALICE', dueAt: ago(i) })), total: 10_000 }),
    overdueActions: (_now, limit) => ({ items: many(limit, (i) => ({ incidentId: `INC-${i}`, itemId: 'A1', text: huge, owner: 'UBOB', dueAt: ago(i) })), total: 10_000 }),
    patches: () => patchDigest(10_000),
    controls: () => ({ overdue: many(TOP_N, (i) => ({ id: `C${i}`, name: huge, type: 'control', owner: 'UBOB', dueAt: ago(i) })), overdueTotal: 10_000, unowned: many(10_000, (i) => huge + i) }),
    responseTimes: () => SEVERITIES.map((severity) => ({ severity, incidents: 1, unresolved: 0, mtta: { meanSeconds: 60 }, mttr: { meanSeconds: 600 } })),
    backups: () => ({ state: 'overdue', overdue: true, everyMs: HOUR, at: ago(5), ageMs: 5 * HOUR, sha256: 'a'.repeat(64) }),
  };

  it('when every section has 10,000 items with long user text, then one message Slack accepts: top five each, "and N more", text escaped', () => {
    const parts = buildDigest(sources, DIGEST_SECTIONS, NOW, 'Europe/Paris', slackMarks);
    const message = digestMessage(parts, { builtAt: NOW, timeZone: 'Europe/Paris', lateMs: 2 * HOUR, skipped: [ago(24)] });
    expect(checkMessageBlocks(message.blocks)).toEqual([]);
    expect(message.blocks).toHaveLength(2 + DIGEST_SECTIONS.length);
    const text = JSON.stringify(message.blocks);
    expect(text).not.toContain('<!channel>');
    expect(text).toContain('&lt;!channel&gt;');
    expect(text).toContain('…and 9995 more: `/incident list`');
    expect(text).toContain('…and 9995 more: `/patch list overdue`');
    expect(text).toContain('…and 9995 more: `/access-review list`');
    expect(text).toContain('2h late');
    expect(text).toContain('schedule in Europe/Paris');
  });

  it('when the configured sections are a few, then only those, in the configured order', () => {
    const parts = buildDigest(sources, ['metrics', 'incidents'], NOW, 'Europe/Paris', m);
    expect(parts.map((p) => p.title)).toEqual(['MTTA and MTTR, November 2026', 'Open incidents']);
  });
});
