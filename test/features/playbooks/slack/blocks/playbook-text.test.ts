import { describe, expect, it } from 'vitest';
import { flagChangeEffect } from '../../../../../src/features/playbooks/domain/select.js';
import { conflictNotice, flagChangeNotice } from '../../../../../src/features/playbooks/slack/blocks/playbook-notices.js';
import { escapeMrkdwn, slackDate } from '../../../../../src/adapters/slack/escape.js';
import { clipMrkdwn, decodeStepRef, encodeStepRef, guidanceSummary, markdownToMrkdwn } from '../../../../../src/features/playbooks/slack/blocks/playbook-text.js';
import { aPlaybook, aStep, anIncident } from '../../domain/builders.js';

describe('playbook text helpers', () => {
  it('when user text has &, < or >, then escapeMrkdwn turns them into entities', () => {
    expect(escapeMrkdwn('<@U1> & <!here> > x')).toBe('&lt;@U1&gt; &amp; &lt;!here&gt; &gt; x');
  });

  it('when guidance uses Markdown links, bold, headings and bullets, then they become mrkdwn', () => {
    expect(markdownToMrkdwn('# Do\n- see [the runbook](https://r.example.com/x?a=1&b=2)\n- **now** <b>')).toBe(
      '*Do*\n• see <https://r.example.com/x?a=1&amp;b=2|the runbook>\n• *now* &lt;b&gt;',
    );
  });

  it('when guidance has several paragraphs, then the summary is the first, on one line', () => {
    expect(guidanceSummary('Revoke it\nnow.\n\nThen the details.')).toBe('Revoke it now.');
  });

  it('when clipping, then it never cuts a link or an entity in half', () => {
    const link = 'see <https://example.com/long|the link> now';
    expect(clipMrkdwn(link, 20)).toBe('see…');
    expect(clipMrkdwn('a &amp; b', 5)).toBe('a…');
    expect(clipMrkdwn('short', 10)).toBe('short');
  });

  it('when clipping, then it never cuts an emoji in half', () => {
    expect(clipMrkdwn(`ok ${'👩‍💻'.repeat(3)}`, 12)).toBe('ok 👩‍💻…');
  });

  it('when rendering a time, then it is a Slack date token with a UTC fallback', () => {
    expect(slackDate(new Date('2025-03-01T10:30:00Z'))).toBe('<!date^1740825000^{date_short_pretty} {time}|2025-03-01 10:30 UTC>');
  });

  it('when a step reference round-trips, then it is intact; anything else decodes to null', () => {
    expect(decodeStepRef(encodeStepRef({ incidentId: 'INC-1', stepId: 'a' }))).toEqual({ incidentId: 'INC-1', stepId: 'a' });
    for (const junk of [undefined, '', 'INC-1|a', '{"i":1,"s":"a"}', '{"i":"INC-1"}']) expect(decodeStepRef(junk)).toBeNull();
  });
});

describe('playbook notices', () => {
  const playbook = aPlaybook({
    name: 'Breach',
    steps: [
      aStep({ id: 'gdpr', title: 'Decide on GDPR notice', when: { flagsAll: ['eu_subjects'], flagsAny: [], flagsNone: [], severities: null } }),
      aStep({ id: 'us', title: 'US states & AGs', when: { flagsAll: [], flagsAny: [], flagsNone: ['eu_subjects'], severities: null } }),
    ],
  });

  it('when a flag change adds and removes steps, then one announcement lists both', () => {
    const effect = flagChangeEffect(playbook, anIncident(), anIncident({ flags: ['eu_subjects'] }));
    const notice = flagChangeNotice(playbook, effect);
    expect(notice?.text).toBe("Playbook Breach changed with the incident's flags: +1 / -1 steps");
    expect(notice?.blocks).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: ':arrows_counterclockwise: *1 step added:*\n• Decide on GDPR notice\n*1 step no longer applies:*\n• US states &amp; AGs' } },
    ]);
  });

  it('when a flag change alters nothing, then there is no announcement', () => {
    expect(flagChangeNotice(playbook, { appeared: [], left: [] })).toBeNull();
  });

  it('when a click loses a race, then the reply names who was first and when, in the reader zone', () => {
    const conflict = { stepId: 'gdpr', status: 'done' as const, by: 'U1', at: new Date('2025-03-01T10:30:00Z'), message: '' };
    expect(conflictNotice(conflict)).toBe('Already done by <@U1> at <!date^1740825000^{date_short_pretty} {time}|2025-03-01 10:30 UTC>.');
  });
});
