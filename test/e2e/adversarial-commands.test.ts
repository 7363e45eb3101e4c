// Adversarial QA: every `/incident` verb with the inputs real users and attackers type. Each request must get
// HTTP 200 and a clear ephemeral answer (never "Something went wrong", never a stack trace), a refusal must
// store nothing, and no typed markup may come back as markup (the harness also fails on broadcast mentions).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { replyText, type Harness } from '../support/warden-harness.js';
import { startFullHarness } from '../support/full-harness.js';

const HOSTILE = [
  '',
  'one two three four five six seven eight nine ten eleven twelve',
  'x'.repeat(5_000),
  '🔥 ünïcødé 日本語 ‮reversed',
  '<!here>',
  '<@U123>',
  '<https://x|y>',
  '`code` ```block```',
  '*bold* _it_ ~strike~',
  '<@UBOB|bob>',
  '<#C123|general>',
  '<!channel> <!everyone> <!subteam^S0123|admins>',
];

/** Markup a user can type that must never come back unescaped in an answer. */
const INJECTED = /<!here>|<!channel>|<!everyone>|<!subteam|<https:\/\/x\|y>|<#C123\|general>/;

const VERBS = [
  'declare', 'declare sev2 --type', 'list', 'status', 'sev', 'role', 'role scribe', 'update', 'note', 'flag', 'flag personal_data',
  'playbook', 'playbook done', 'playbook skip', 'playbook snooze', 'playbook snooze open-record', 'playbook done open-record',
  'playbook skip open-record', 'clock', 'clock became_aware', 'regime', 'regime add', 'regime remove', 'deadlines', 'notify',
  'submitted', 'submitted gdpr:supervisory_authority', 'notnotifiable', 'notnotifiable gdpr:data_subjects', 'help', 'page', 'pir',
  'nonsense', 'role commander', 'resolve', 'close',
];

let h: Harness;
beforeEach(async () => {
  h = await startFullHarness();
});
afterEach(async () => {
  await h.stop();
});

const count = (table: 'audit_log' | 'jobs') => (h.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('/incident playbook with ids that are not ids', () => {
  it('when the playbook or step named is markup, then the refusal shows it escaped and nothing changes', async () => {
    await h.incident('declare sev1 Echo check');
    await h.settle();
    const channel = h.incidentChannel();
    await h.incident('flag personal_data on', { channel });
    await h.settle();
    const before = count('audit_log');
    for (const text of ['playbook <!here>', 'playbook done <!channel> evidence', 'playbook skip <https://x|y> why', 'playbook snooze <#C123|general> 2h']) {
      const answer = replyText((await h.incident(text, { channel })).body);
      expect(answer).toMatch(/^:warning: `&lt;.*&gt;` is not a (step|playbook) id\./);
      expect(answer).not.toMatch(INJECTED);
    }
    expect(count('audit_log')).toBe(before);
  });
});

describe('/incident role with people who cannot take a role', () => {
  it.each([
    ['Warden itself', 'role commander <@U0WARDEN|warden>', 'is a bot'],
    ['a mention of nobody in the workspace', 'role scribe <@U123>', 'is not a person in this workspace'],
    ['a capitalised word that looks like an id', 'role ops UNKNOWN', 'is not a person in this workspace'],
    ['two people at once', 'role ops <@UBOB|bob> <@UCAROL|carol>', 'One person per role'],
  ])('when the role is given to %s, then it is refused, the role does not change and no job is queued', async (_who, text, reason) => {
    await h.incident('declare sev1 Role check');
    await h.settle();
    const channel = h.incidentChannel();
    const before = { audit: count('audit_log'), jobs: count('jobs') };
    const answer = replyText((await h.incident(text, { channel })).body);
    expect(answer).toContain(reason);
    expect(answer.startsWith(':warning:')).toBe(true);
    expect({ audit: count('audit_log'), jobs: count('jobs') }).toEqual(before);
    expect(h.warden.store.incidents.listOpen()[0]?.roles).toEqual({ commander: 'UALICE' });
  });

  it('when the role goes to a person, then it is assigned and their DM and App Home go out', async () => {
    await h.incident('declare sev1 Role check');
    await h.settle();
    const channel = h.incidentChannel();
    expect(replyText((await h.incident('role scribe <@UCAROL|carol>', { channel })).body)).toContain('Role *scribe* assigned.');
    await h.settle();
    expect(h.warden.store.incidents.listOpen()[0]?.roles.scribe).toBe('UCAROL');
    expect(h.warden.store.jobs.failedCount()).toBe(0);
  });
});

describe('every verb with hostile input', () => {
  it('when each verb gets no text, too much text, 5,000 characters, unicode, mentions, links and markup, then every answer is a clear 200 that echoes nothing as markup, and a refusal stores nothing', async () => {
    // This fires well over a hundred hostile commands at one frozen instant: it tests how input is handled,
    // not pacing (no person types that fast), so Slack's rate limits, which would only defer posts, are off.
    await h.stop();
    h = await startFullHarness({}, { slack: { rateLimits: false } });
    await h.incident('declare sev1 Hostile input');
    await h.settle();
    const channel = h.incidentChannel();
    await h.incident('flag personal_data on', { channel });
    await h.incident('regime add gdpr', { channel });
    await h.settle();

    const problems: string[] = [];
    for (const verb of VERBS) {
      for (const where of [channel, 'CGENERAL']) {
        for (const input of HOSTILE) {
          const before = { audit: count('audit_log'), jobs: count('jobs') };
          const res = await h.incident(`${verb} ${input}`.trim(), { channel: where });
          const text = replyText(res.body);
          const label = `[${verb}] [${input.slice(0, 20)}] in ${where === channel ? 'incident' : 'general'}`;
          if (res.status !== 200) problems.push(`${label}: HTTP ${res.status}`);
          if (/Something went wrong|at .+\.(ts|js):\d+/.test(text)) problems.push(`${label}: ${text.slice(0, 120)}`);
          if (INJECTED.test(text)) problems.push(`${label} echoed markup: ${text.slice(0, 160)}`);
          const stored = count('audit_log') !== before.audit || count('jobs') !== before.jobs;
          if (text.startsWith(':warning:') && stored) problems.push(`${label} refused but stored something`);
          await h.settle();
        }
      }
    }
    expect(problems).toEqual([]);
    expect(h.warden.store.jobs.failedCount()).toBe(0);
  });
});

describe('/incident playbook done and skip with more text than the forms take', () => {
  it('when evidence is over 1,000 characters or a skip reason over 500, then it is refused with the limit, as the buttons\' forms would, and nothing is stored', async () => {
    await h.incident('declare sev1 Long evidence');
    await h.settle();
    const channel = h.incidentChannel();
    await h.incident('flag personal_data on', { channel });
    await h.settle();
    const before = count('audit_log');
    const done = replyText((await h.incident(`playbook done record-awareness ${'e'.repeat(1_001)}`, { channel })).body);
    expect(done).toContain(':warning: That evidence is 1001 characters; keep it under 1000.');
    const skip = replyText((await h.incident(`playbook skip estimate-subjects ${'r'.repeat(5_000)}`, { channel })).body);
    expect(skip).toContain(':warning: That reason is 5000 characters; keep it under 500.');
    expect(count('audit_log')).toBe(before);
    expect(replyText((await h.incident(`playbook done record-awareness ${'e'.repeat(1_000)}`, { channel })).body)).toContain('Done:');
  });
});

describe('a closed incident', () => {
  it('when a note is added after the incident is closed, then it is refused like every other change, and nothing is stored or posted', async () => {
    await h.incident('declare sev1 Closed and final');
    await h.settle();
    const channel = h.incidentChannel();
    await h.incident('resolve', { channel });
    await h.incident('pir done https://wiki.example.com/reviews/INC-2026-0001', { channel }); // closing needs the review
    await h.incident('close', { channel });
    await h.settle();
    expect(h.warden.store.incidents.get('INC-2026-0001')?.status).toBe('closed');
    const before = { audit: count('audit_log'), jobs: count('jobs'), posts: h.slack.calls('chat.postMessage').length };
    expect(replyText((await h.incident('note one more thing', { channel })).body)).toContain(':warning: INC-2026-0001 is closed.');
    await h.settle();
    expect({ audit: count('audit_log'), jobs: count('jobs'), posts: h.slack.calls('chat.postMessage').length }).toEqual(before);
  });
});

describe('two things where the verb takes one', () => {
  it.each([
    ['regime add gdpr nis2', 'One regime at a time'],
    ['regime remove gdpr nis2', 'One regime at a time'],
    ['flag personal_data on eu_subjects on', 'One flag at a time'],
  ])('when "%s" is typed, then it is refused rather than silently doing only the first, and nothing is stored', async (text, reason) => {
    await h.incident('declare sev1 One at a time');
    await h.settle();
    const channel = h.incidentChannel();
    await h.incident('regime add gdpr', { channel });
    await h.settle();
    const before = { audit: count('audit_log'), jobs: count('jobs') };
    const answer = replyText((await h.incident(text, { channel })).body);
    expect(answer).toContain(`:warning: ${reason}`);
    expect({ audit: count('audit_log'), jobs: count('jobs') }).toEqual(before);
  });
});
