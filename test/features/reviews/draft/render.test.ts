import { describe, expect, it } from 'vitest';
import { loadReviewTemplate } from '../../../../src/features/reviews/draft/template-file.js';
import { renderReview } from '../../../../src/features/reviews/draft/render.js';
import { reviewView } from '../../../../src/features/reviews/draft/review-view.js';
import { REVIEW_SHAPE, type Shape } from '../../../../src/features/reviews/draft/template-check.js';
import { aStage, anActionItem, at, PEOPLE, someFacts } from './review-builders.js';

const template = loadReviewTemplate('templates');
const paris = { zone: 'Europe/Paris', fromProfile: true };
const render = (facts = someFacts(), reader = paris, people: Record<string, string> = PEOPLE) => renderReview(template, facts, reader, people);
const headings = (md: string) => md.split('\n').filter((l) => l.startsWith('#'));

const SECTIONS = [
  '## Summary',
  '## Impact',
  '## Severity history',
  '## Roles',
  '## Timeline',
  '## Legal clocks',
  '## Notices',
  '## Playbook',
  '## Action items',
  '## What went well',
  '## What to improve',
  '## Follow-ups',
];

describe('review draft: the default template', () => {
  it('when rendered, then it has the title heading and every section in order, with placeholders where Warden cannot know', () => {
    const md = render();
    expect(headings(md)).toEqual(['# Post-incident review: INC-2026-0001: Checkout down', ...SECTIONS.slice(0, 6), '### GDPR (gdpr)', ...SECTIONS.slice(6)]);
    expect(md).toContain('- Who and what was affected: [to complete: customers, systems, regions]');
    expect(md.split('## What went well')[1]).toContain('[to complete]');
  });

  it('when rendered, then the timeline lists each entry with its time, the person by name and the text with mentions resolved', () => {
    const md = render();
    expect(md).toContain('- 2026-11-22 10:00 CET · @Alice Example · Declared sev2: Checkout down');
    expect(md).toContain('- 2026-11-22 10:05 CET · @Bob Example · Rolled back @Carol Example’s deploy');
  });

  it('when two readers in different zones render it, then each sees the same instants on their own wall clock, the zone named', () => {
    const tokyo = render(someFacts(), { zone: 'Asia/Tokyo', fromProfile: true });
    const newYork = render(someFacts(), { zone: 'America/New_York', fromProfile: true });
    expect(tokyo).toContain('- Declared: 2026-11-22 18:00 JST by @Alice Example');
    expect(newYork).toContain('- Declared: 2026-11-22 04:00 EST by @Alice Example');
    expect(tokyo).toContain('Times are in Asia/Tokyo (JST).');
    expect(newYork).toContain('Times are in America/New\\_York (EST).');
  });

  it('when the reader’s zone is the configured fallback, then the draft says so', () => {
    expect(render(someFacts(), { zone: 'UTC', fromProfile: false })).toContain('Times are in UTC (UTC): your Slack profile has no time zone, so this is Warden\'s display zone.');
    expect(render()).not.toContain('display zone');
  });

  it('when the summary is rendered, then it gives detection, declaration and resolution with the durations between them', () => {
    const md = render();
    expect(md).toContain('- Detected: 2026-11-22 09:45 CET (15 min before it was declared)');
    expect(md).toContain('- Resolved: 2026-11-22 12:30 CET (2 h 30 min after it was declared)');
    expect(md).toContain('> Payments failed for EU customers.');
    expect(md).toContain('- Review owner: @Carol Example');
  });

  it('when severity and roles changed, then each period says from when to when and who set it', () => {
    const md = render();
    expect(md).toContain('- sev2 from 2026-11-22 10:00 CET to 2026-11-22 10:20 CET (20 min), set by @Alice Example');
    expect(md).toContain('- sev1 from 2026-11-22 10:20 CET, set by @Bob Example');
    expect(md).toContain('- commander: @Alice Example from 2026-11-22 10:00 CET to 2026-11-22 11:00 CET');
    expect(md).toContain('- commander: @Bob Example from 2026-11-22 11:00 CET');
  });

  it('when stages were met, missed, are overdue, open, waiting or not notifiable, then each says so and by how much', () => {
    const stages = [
      aStage({ stageId: 'met' }),
      aStage({ stageId: 'late', outcome: 'missed', marginMs: 2 * 3_600_000, submittedAt: at('2026-11-25T11:00:00Z') }),
      aStage({ stageId: 'overdue', outcome: 'overdue', marginMs: (26 * 60 + 5) * 60_000, submittedAt: null }),
      aStage({ stageId: 'running', outcome: 'open', marginMs: 45 * 60_000, submittedAt: null, dueKind: 'internal' }),
      aStage({ stageId: 'later', outcome: 'waiting', marginMs: null, due: null, submittedAt: null, waitingFor: 'became_aware' }),
      aStage({ stageId: 'na', outcome: 'not_notifiable', marginMs: null, submittedAt: null, notNotifiableReason: 'no risk to people' }),
    ];
    const md = render(someFacts({ regimes: [{ id: 'gdpr', name: 'GDPR', citation: 'Art. 33', proposed: false, stages }] }));
    expect(md).toContain('- met → Lead supervisory authority, due 2026-11-25 10:00 CET: met with 5 h 12 min to spare (submitted 2026-11-25 04:48 CET)');
    expect(md).toContain('- late → Lead supervisory authority, due 2026-11-25 10:00 CET: missed by 2 h (submitted 2026-11-25 12:00 CET)');
    expect(md).toContain(': missed: not submitted, overdue by 1 d 2 h');
    expect(md).toContain(': open: 45 min left (internal target, not law)');
    expect(md).toContain('- later → Lead supervisory authority: not running: waiting for became\\_aware');
    expect(md).toContain(': not notifiable: no risk to people');
  });

  it('when a regime is only proposed, then its heading says it is not law yet', () => {
    const md = render(someFacts({ regimes: [{ id: 'circia', name: 'CIRCIA', citation: '6 U.S.C. 681b', proposed: true, stages: [aStage()] }] }));
    expect(md).toContain('### CIRCIA (circia) — proposed rule, not law yet');
  });

  it('when notices were submitted or only drafted, then the sent ones give time, reference, drafter and approver, and drafts say they were not submitted', () => {
    const draft = { noticeId: 2, stage: 'contract:enterprise:customers', template: 'customer-initial', draftedBy: 'UBOB', draftedAt: at('2026-11-22T10:00:00Z'), approvedBy: null, approvedAt: null, text: 'Dear customer', status: 'changes_requested', submittedAt: null, submittedBy: null, reference: null };
    const md = render(someFacts({ notices: [...someFacts().notices, draft] }));
    expect(md).toContain('- gdpr:supervisory\\_authority: submitted 2026-11-25 04:48 CET by @Alice Example, reference CNIL-2026-42; drafted by @Bob Example, approved by @Carol Example');
    expect(md).toContain('- contract:enterprise:customers: draft (customer-initial) by @Bob Example on 2026-11-22 11:00 CET, changes requested, not submitted');
  });

  it('when a playbook ran, then steps are listed as done (who, when, evidence), skipped (why) and left open (with whom, due)', () => {
    const md = render();
    expect(md).toContain('- Page the on-call (Detection & analysis): @Alice Example, 2026-11-22 10:02 CET; evidence: PD-123');
    expect(md).toContain('- Status page (Containment): @Bob Example, 2026-11-22 10:30 CET; reason: internal only');
    expect(md).toContain('- Write the RCA (Post-incident activity), with @Carol Example, due 2026-11-24 10:00 CET');
  });

  it('when action items are open or done, then each shows as a task with its owner, due date and, once done, who closed it', () => {
    const done = anActionItem({ id: 'A2', text: 'Fix retries', status: 'done', doneBy: 'UCAROL', doneAt: at('2026-11-23T08:00:00Z'), evidence: 'PR 42' });
    const md = render(someFacts({ actionItems: [anActionItem(), done] }));
    expect(md).toContain('- [ ] Add a canary for checkout deploys: @Bob Example, due 2026-12-01 18:00 CET');
    expect(md).toContain('- [x] Fix retries: @Bob Example, due 2026-12-01 18:00 CET; done 2026-11-23 09:00 CET by @Carol Example, evidence: PR 42');
  });

  it('when there is nothing to show, then each empty section says so instead of staying blank', () => {
    const md = render(someFacts({ regimes: [], notices: [], playbook: null, actionItems: [], timeline: [], review: null }));
    for (const line of ['No action items.', 'No legal clocks applied to this incident.', 'No notices were drafted or sent.', 'No playbook ran for this incident.', 'No timeline entries.']) {
      expect(md).toContain(line);
    }
    expect(md).not.toContain('Review owner');
    expect(md).not.toMatch(/\n{3,}/);
  });

  it('when a playbook has no step of a kind, then that list says none', () => {
    const facts = someFacts();
    const md = render(someFacts({ playbook: { name: 'Outage', steps: facts.playbook!.steps.filter((s) => s.status === 'open') } }));
    expect(md.split('Done:')[1]?.split('Skipped:')[0]).toContain('- none');
  });

  it('when the incident is a drill, then the draft says so at the top', () => {
    const facts = someFacts();
    expect(render(someFacts({ incident: { ...facts.incident, drill: true } }))).toContain('> **Drill.** This was a tabletop exercise');
  });

  it('when a person’s name is not known, then they show as their Slack id', () => {
    expect(render(someFacts(), paris, {})).toContain('- Declared: 2026-11-22 10:00 CET by @UALICE');
  });
});

describe('review draft: hostile user text', () => {
  const hostile = 'Checkout\n# Owned\n```\n<!channel> *bold* [link](http://x) | col';

  it('when a title, description, timeline text, step and action item carry newlines, #, backticks and <!channel>, then the document keeps its structure', () => {
    const facts = someFacts();
    const md = render(
      someFacts({
        incident: { ...facts.incident, title: hostile, description: `Line one\n## Injected\n\`\`\`\n${hostile}` },
        timeline: [{ at: at('2026-11-22T09:10:00Z'), kind: 'note', actor: 'UBOB', text: hostile }],
        actionItems: [anActionItem({ text: hostile })],
        playbook: { name: hostile, steps: facts.playbook!.steps.map((s) => ({ ...s, title: hostile, reason: hostile, evidence: hostile })) },
      }),
    );
    expect(headings(md)).toEqual(['# Post-incident review: INC-2026-0001: Checkout \\# Owned \\`\\`\\` \\<!channel\\> \\*bold\\* \\[link\\](http://x) \\| col', ...SECTIONS.slice(0, 6), '### GDPR (gdpr)', ...SECTIONS.slice(6)]);
    expect(md).not.toMatch(/^```/m);
    expect(md).not.toContain('<!channel>');
    expect(md).toContain('> Line one\n> \\#\\# Injected\n> \\`\\`\\`\n> Checkout');
    expect(md).toContain('- 2026-11-22 10:10 CET · @Bob Example · Checkout \\# Owned');
  });

  it('when a person’s display name is hostile, then it is escaped like any user text', () => {
    const md = render(someFacts(), paris, { ...PEOPLE, UALICE: 'x\n# <!here>' });
    expect(md).toContain('by @x \\# \\<!here\\>');
    expect(headings(md)).toHaveLength(SECTIONS.length + 2);
  });
});

describe('review draft: the template variables', () => {
  /** Every path of a shape, lists as `[]`. */
  const paths = (shape: Shape, prefix = ''): string[] =>
    shape.kind === 'leaf' ? [prefix] : shape.kind === 'list' ? paths(shape.item, `${prefix}[]`) : Object.entries(shape.fields).flatMap(([k, s]) => paths(s, prefix ? `${prefix}.${k}` : k));
  const valuePaths = (v: unknown, prefix = ''): string[] => {
    if (Array.isArray(v)) return [...new Set(v.flatMap((x) => valuePaths(x, `${prefix}[]`)))];
    if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => valuePaths(x, prefix ? `${prefix}.${k}` : k));
    return [prefix];
  };

  it('when the checker’s shape and the view are compared, then they name exactly the same variables', () => {
    expect(valuePaths(reviewView(someFacts(), paris, PEOPLE)).sort()).toEqual(paths(REVIEW_SHAPE).sort());
  });
});
