import { describe, expect, it } from 'vitest';
import { checkConfigText } from '../../src/config/load-config.js';
import { formatProblem } from '../../src/platform/yaml-validate.js';

/** The problems of a warden.yaml text as `warden config check` prints them. */
const problemsOf = (lines: string[]): string[] => checkConfigText(lines.join('\n'), 'warden.yaml').map(formatProblem);

describe('warden.yaml problems', () => {
  it('when an update cadence is not a duration, then it names the exact list item', () => {
    const text = ['severities:', '  - name: sev1', '    updateEvery: 15m', '  - name: sev2', '    updateEvery: soon'];
    expect(problemsOf(text)).toEqual(['warden.yaml:5 severities[1].updateEvery: expected a duration like 30m']);
  });

  it('when a duration is zero or has no unit, then it is refused', () => {
    expect(problemsOf(['nags:', '  every: 0m'])).toEqual(['warden.yaml:2 nags.every: expected a duration like 30m']);
    expect(problemsOf(['nags:', '  every: 30'])).toEqual(['warden.yaml:2 nags.every: expected a duration like 30m']);
  });

  it('when a top-level key is misspelt, then it is named instead of silently ignored', () => {
    expect(problemsOf(['timeZone: UTC', 'sevrities: []'])).toEqual(['warden.yaml:2 unknown key "sevrities"']);
  });

  it('when a nested key is misspelt, then the problem names the key and its section, at the key\'s own line', () => {
    expect(problemsOf(['company:', '  name: Globex', '  contactEmial: a@b.co'])).toEqual([
      'warden.yaml:3 company: unknown key "contactEmial"',
    ]);
    expect(problemsOf(['severities:', '  - name: sev1', '    updateEvry: 10m'])).toEqual([
      'warden.yaml:3 severities[0]: unknown key "updateEvry"',
    ]);
    expect(problemsOf(['severities:', '  - name: sev1', '    updateEvery: 10m', '    colour: red', '    shade: dark'])).toEqual([
      'warden.yaml:4 severities[0]: unknown key "colour"',
      'warden.yaml:5 severities[0]: unknown key "shade"',
    ]);
  });

  it('when a channel is neither a Slack channel name nor an ID, then it says what is expected', () => {
    expect(problemsOf(['channels:', '  announcements: Incident Room'])).toEqual([
      'warden.yaml:2 channels.announcements: expected a channel name (at most 80 lowercase letters, digits, - and _) or a channel ID like C0123456789',
    ]);
    expect(problemsOf(['channels:', `  managers: ${'a'.repeat(81)}`])).toHaveLength(1);
  });

  it('when an approver is a name rather than a Slack user ID, then that list item is named', () => {
    expect(problemsOf(['permissions:', '  approvers: [U0123ABCDE, alice]'])).toEqual([
      'warden.yaml:2 permissions.approvers[1]: expected a Slack user ID like U0123ABCD (not a name or an @mention)',
    ]);
    expect(problemsOf(['permissions:', '  admins: [W0123ABCDE]'])).toEqual([]);
  });

  it('when a severity is listed twice, then the second one is flagged, together with other problems', () => {
    const text = ['severities:', '  - name: sev1', '    updateEvery: never', '  - name: sev2', '  - name: sev1'];
    expect(problemsOf(text)).toEqual([
      'warden.yaml:3 severities[0].updateEvery: expected a duration like 30m',
      'warden.yaml:5 severities[2].name: severity "sev1" is listed twice',
    ]);
  });

  it('when the list form names a severity or role that is not built in, then the built-in names are listed with the way to define new ones', () => {
    expect(problemsOf(['severities:', '  - name: sev5'])).toEqual([
      'warden.yaml:2 severities[0].name: expected one of sev1, sev2, sev3, sev4 (a list only adjusts the built-in severities; write severities as a map keyed by id to define your own)',
    ]);
    expect(problemsOf(['roles:', '  - name: boss', '    duty: Decides.'])).toEqual([
      'warden.yaml:2 roles[0].name: expected one of commander, comms, scribe, ops (a list only adjusts the built-in roles; write roles as a map keyed by id to define your own)',
    ]);
  });

  it('when a time zone is not an IANA zone, then it is refused wherever it appears', () => {
    expect(problemsOf(['timeZone: Mars/Olympus'])).toEqual([
      'warden.yaml:1 timeZone: expected an IANA time zone like Europe/Paris or UTC',
    ]);
    expect(problemsOf(['quietHours:', '  timeZone: CEST+2'])).toEqual([
      'warden.yaml:2 quietHours.timeZone: expected an IANA time zone like Europe/Paris or UTC',
    ]);
  });

  it('when a quiet-hours time is not HH:MM on a 24-hour clock, then it is refused', () => {
    expect(problemsOf(['quietHours:', "  start: '24:00'", "  end: '7:00'"])).toEqual([
      'warden.yaml:2 quietHours.start: expected a time like 22:00 (HH:MM, 24-hour)',
      'warden.yaml:3 quietHours.end: expected a time like 22:00 (HH:MM, 24-hour)',
    ]);
  });

  it('when a reminder lead time is neither a share, a duration nor 0, then it says which forms exist', () => {
    expect(problemsOf(['notifications:', "  reminderLeadTimes: ['150%', soon]"])).toEqual([
      'warden.yaml:2 notifications.reminderLeadTimes[0]: expected a lead time like 50% (of the window), 4h (before the due time) or 0 (at the due time)',
      'warden.yaml:2 notifications.reminderLeadTimes[1]: expected a lead time like 50% (of the window), 4h (before the due time) or 0 (at the due time)',
    ]);
  });

  it('when a customer tier anchors on an unknown clock event, then the allowed events are listed', () => {
    const text = ['notifications:', '  customerTiers:', '    - name: gold', '      anchor: breach', '      within: 1d', '      description: Gold.'];
    expect(problemsOf(text)).toEqual([expect.stringMatching(/^warden\.yaml:4 notifications\.customerTiers\[0\]\.anchor: expected one of detected, became_aware, /)]);
  });

  it('when the contact email or a count is malformed, then the path says which', () => {
    expect(problemsOf(['company:', '  contactEmail: security-at-example'])).toEqual([
      'warden.yaml:2 company.contactEmail: expected an email address like security@example.com',
    ]);
    expect(problemsOf(['nags:', '  maxPerStep: 2.5'])).toEqual(['warden.yaml:2 nags.maxPerStep: expected a whole number from 0 to 100']);
  });

  it('when a section is not a mapping, then it says so', () => {
    expect(problemsOf(['channels: incidents'])).toEqual(['warden.yaml:1 channels: expected a mapping of keys (key: value lines)']);
  });

  it('when an alias names no anchor, or aliases multiply past 100 (an alias bomb), then it is a problem, not a crash', () => {
    expect(problemsOf(['*!'])).toEqual(['warden.yaml YAML aliases: Unresolved alias (the anchor must be set before the alias): !']);
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]', 'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]'];
    expect(problemsOf(bomb)[0]).toMatch(/^warden\.yaml YAML aliases: Excessive alias count/);
  });

  it('when the YAML itself is broken, then the parser problem has a line', () => {
    expect(problemsOf(['channels:', '  announcements: [oops'])[0]).toMatch(/^warden\.yaml:\d+ /);
  });
});
