import { afterEach, describe, expect, it } from 'vitest';
import { startFullHarness } from '../support/full-harness.js';
import { replyText, type Harness } from '../support/warden-harness.js';

// Monday 21 Dec 2026, 09:00 in Paris. Friday 25 Dec is a French public holiday, so is Friday 1 Jan.
const START = '2026-12-21T08:00:00.000Z';
const CONFIG = {
  company: { holidays: 'FR', timeZone: 'Europe/Paris' },
  timeZone: 'Europe/Paris',
  quietHours: { start: '22:00', end: '07:00', timeZone: 'Europe/Paris' },
  permissions: { admins: ['UADMIN01'], approvers: ['ULEGAL01', 'ULEGAL02'] },
  reviews: { reminders: { before: ['2d', '12h'], overdueEvery: '1d', overdueMax: 3, escalateAfter: '1d' } },
};
// Resolved Tuesday 22 Dec; sev1 is due within 5 business days: 23, 24, (25 off), 28, 29, 30 -> end of Wed 30 Dec, Paris.
const DUE = '2026-12-30T22:59:59.999Z';

let h: Harness;
let channel: string;
afterEach(async () => {
  await h.stop();
});

const say = async (text: string, user = 'UALICE') => replyText((await h.incident(text, { channel, user })).body);
const dmOf = (user: string) => h.slack.channels().find((c) => c.isIm && c.user === user)?.id;
const remindersTo = (user: string) => h.slack.calls('chat.postMessage').filter((c) => c.ok && c.args.channel === dmOf(user) && String(c.args.text).includes('post-incident review of *INC-2026-0001*'));
const managersPosts = () => h.slack.calls('chat.postMessage').filter((c) => c.ok && String(c.args.channel) === 'security-managers');
const channelTexts = () => h.slack.messages(channel).map((m) => m.text);
const review = () => h.db.prepare('SELECT * FROM reviews WHERE incident_id = ?').get('INC-2026-0001') as Record<string, unknown> | undefined;

async function resolvedSev1(config = {}) {
  h = await startFullHarness({ ...CONFIG, ...config }, {});
  h.clock.set(START);
  await h.incident('declare sev1 Checkout down');
  await h.settle();
  channel = h.incidentChannel();
  h.clock.set('2026-12-22T09:00:00.000Z');
  await say('resolve');
  await h.settle();
}

/** Moves the clock to `iso` the way the scheduler wakes: to each pending job's due time in turn, running what fell due. */
async function at(iso: string) {
  const target = new Date(iso).getTime();
  for (;;) {
    const next = h.db.prepare("SELECT min(due_at) AS due FROM jobs WHERE status = 'pending'").get() as { due: string | null };
    const due = next.due ? new Date(next.due).getTime() : Infinity;
    if (due > target) break;
    if (due > h.clock.now().getTime()) h.clock.set(new Date(due).toISOString());
    await h.advance(0);
  }
  h.clock.set(iso);
  await h.advance(0);
}

describe('a review is scheduled when the incident resolves', () => {
  it('when a sev1 resolves, then its review is due at the end of the fifth business day, skipping the holiday, and the channel is told when and who', async () => {
    await resolvedSev1();
    expect(review()).toMatchObject({ status: 'scheduled', owner: 'UALICE', due_at: DUE, drill: 0 });
    const told = channelTexts().find((t) => t.startsWith(':memo: *Post-incident review*'));
    expect(told).toContain('owned by <@UALICE>');
    expect(told).toContain('without FR public holidays, Europe/Paris');
    expect(await say('pir')).toContain('due <!date^1798671599^');
  });

  it('when no holiday calendar is configured, then the due date counts weekends only and says so', async () => {
    await resolvedSev1({ company: { timeZone: 'Europe/Paris' } });
    expect(review()?.due_at).toBe('2026-12-29T22:59:59.999Z');
    expect(channelTexts().join('\n')).toContain('no holiday calendar configured (company.holidays)');
  });

  it('when a drill resolves, then it gets a review marked as a drill', async () => {
    h = await startFullHarness(CONFIG);
    h.clock.set(START);
    await h.incident('declare sev2 --drill Tabletop: bucket exposed');
    await h.settle();
    channel = h.incidentChannel();
    await say('resolve');
    await h.settle();
    expect(review()).toMatchObject({ status: 'scheduled', drill: 1 });
    expect(channelTexts().join('\n')).toContain('This was a drill');
  });

  it('when a severity has no review (sev4), then none is scheduled and the incident closes', async () => {
    h = await startFullHarness(CONFIG);
    await h.incident('declare sev4 Typo on the status page');
    await h.settle();
    channel = h.incidentChannel();
    await say('resolve');
    expect(review()).toBeUndefined();
    expect(await say('pir')).toContain('gives that severity no post-incident review');
    await say('close');
    expect(h.warden.store.incidents.get('INC-2026-0001')?.status).toBe('closed');
  });
});

describe('reminders and escalation', () => {
  const FIRST = '2026-12-29T06:00:00.000Z'; // 2 days before is 23:59 on Mon 28: quiet hours, so 07:00 Paris on the 29th
  const SECOND = '2026-12-30T10:59:59.999Z'; // 12 hours before, on the due day
  const OVERDUE = '2027-01-04T06:00:00.000Z'; // 1 day after is 23:59 Thu 31: quiet, then Fri 1 Jan (holiday) and the weekend

  it('when the review stays open, then each reminder reaches the owner once at its time, the held-over ones fold into one, and the managers hear once', async () => {
    await resolvedSev1();
    await at('2026-12-29T05:59:00.000Z');
    expect(remindersTo('UALICE')).toHaveLength(0);
    await at('2027-01-20T12:00:00.000Z');
    expect(remindersTo('UALICE').map((c) => c.at)).toEqual([FIRST, SECOND, OVERDUE]);
    expect(String(remindersTo('UALICE')[2]?.args.text)).toContain('*overdue* by 4 days');
    expect(managersPosts().map((c) => c.at)).toEqual([OVERDUE]);
    expect(String(managersPosts()[0]?.args.text)).toContain('owner <@UALICE>');
    expect(review()?.escalated_at).toBe(OVERDUE);
  });

  it('when Warden restarts between reminders, then none is lost and none repeats', async () => {
    await resolvedSev1();
    await at('2026-12-29T12:00:00.000Z');
    expect(remindersTo('UALICE')).toHaveLength(1);
    await h.restart();
    await at('2026-12-30T11:30:00.000Z');
    await h.restart();
    await at('2027-01-20T12:00:00.000Z');
    expect(remindersTo('UALICE').map((c) => c.at)).toEqual([FIRST, SECOND, OVERDUE]);
    expect(managersPosts()).toHaveLength(1);
  });

  it('when the review is done after the first reminder, then no reminder or escalation follows, and it is recorded with its link', async () => {
    await resolvedSev1();
    await at('2026-12-29T12:00:00.000Z');
    const answer = await say('pir done <https://wiki.example.com/reviews/INC-2026-0001>');
    expect(answer).toContain('recorded as done: https://wiki.example.com/reviews/INC-2026-0001');
    await at('2027-01-20T12:00:00.000Z');
    expect(remindersTo('UALICE')).toHaveLength(1);
    expect(managersPosts()).toEqual([]);
    expect(review()).toMatchObject({ status: 'done', decided_by: 'UALICE', link: 'https://wiki.example.com/reviews/INC-2026-0001' });
    expect(h.warden.store.audit.forIncident('INC-2026-0001').map((e) => e.action)).toContain('review.done');
  });

  it('when an approver waives the review, then reminders stop and the reason is audited; the owner cannot waive their own', async () => {
    await resolvedSev1();
    await say('pir owner <@ULEGAL01|legal>');
    expect(await say('pir waive Duplicate of INC-2026-0000', 'ULEGAL01')).toContain('another approver must waive it');
    expect(review()?.status).toBe('scheduled');
    expect(await say('pir waive Duplicate of INC-2026-0000', 'ULEGAL02')).toContain('is waived');
    await at('2027-01-20T12:00:00.000Z');
    expect(remindersTo('ULEGAL01')).toEqual([]);
    const waived = h.warden.store.audit.forIncident('INC-2026-0001').find((e) => e.action === 'review.waived');
    expect(waived).toMatchObject({ actor: 'ULEGAL02', details: { reason: 'Duplicate of INC-2026-0000', owner: 'ULEGAL01' } });
  });

  it('when the review is handed to someone else, then they get the reminders from then on and App Home shows it to them', async () => {
    await resolvedSev1();
    expect(await say('pir owner <@UBOB|bob>')).toContain('<@UBOB> now owns the review');
    await h.settle();
    const home = h.slack.calls('views.publish').filter((c) => c.args.user_id === 'UBOB').at(-1);
    expect(JSON.stringify(home?.args.view)).toContain('Your post-incident reviews (1)');
    await at('2027-01-20T12:00:00.000Z');
    expect(remindersTo('UBOB').map((c) => c.at)).toEqual([FIRST, SECOND, OVERDUE]);
    expect(remindersTo('UALICE')).toEqual([]);
  });
});

describe('the review and the incident lifecycle', () => {
  it('when the commander closes before the review is done or waived, then close is refused and nothing changes; once done, it closes', async () => {
    await resolvedSev1();
    expect(await say('close')).toContain('cannot close before its post-incident review is done or waived');
    expect(h.warden.store.incidents.get('INC-2026-0001')?.status).toBe('resolved');
    await say('pir done https://wiki.example.com/r/1');
    await say('close');
    expect(h.warden.store.incidents.get('INC-2026-0001')?.status).toBe('closed');
  });

  it('when requiredToClose is off, then an incident closes with its review open, and the review keeps its reminders', async () => {
    await resolvedSev1({ reviews: { ...CONFIG.reviews, requiredToClose: false } });
    await say('close');
    expect(h.warden.store.incidents.get('INC-2026-0001')?.status).toBe('closed');
    await at('2027-01-20T12:00:00.000Z');
    expect(remindersTo('UALICE')).toHaveLength(3);
  });

  it('when the incident is reopened, then the review pauses with no reminders, and resolving again gives it a new due date', async () => {
    await resolvedSev1();
    await say('status investigating');
    await h.settle();
    expect(review()?.status).toBe('paused');
    expect(channelTexts().join('\n')).toContain('its post-incident review is paused');
    await at('2027-01-05T08:00:00.000Z');
    expect(remindersTo('UALICE')).toEqual([]);
    await say('resolve');
    await h.settle();
    // Resolved Tue 5 Jan: 6, 7, 8, 11, 12 -> end of Tue 12 Jan.
    expect(review()).toMatchObject({ status: 'scheduled', due_at: '2027-01-12T22:59:59.999Z' });
    expect(channelTexts().join('\n')).toContain('resolved again');
  });
});

describe('scheduling the meeting, and bad input', () => {
  it('when the owner schedules the meeting, then it is read in their Slack zone and the channel is told', async () => {
    await resolvedSev1();
    const answer = await say('pir schedule 2026-12-28 14:30');
    expect(answer).toContain('set for 2026-12-28 14:30');
    await h.settle();
    expect(review()?.meeting_at).toBeTruthy();
    expect(channelTexts().some((t) => t.includes('set the review meeting of *INC-2026-0001*'))).toBe(true);
  });

  it.each([
    ['pir schedule 2026-12-01', 'is in the past'],
    ['pir schedule banana', 'is not a time I can read'],
    ['pir schedule 2026-02-30', 'is not a date'],
    ['pir done not-a-link', 'That is not a link'],
    ['pir done ftp://example.com/review', 'must start with https://'],
    ['pir waive', 'Say why the review is waived'],
    ['pir owner bob', 'is not a Slack user'],
    ['pir owner <@UALICE|alice>', 'already owns the review'],
    ['pir publish', 'Unknown `pir` command'],
  ])('when someone types `%s`, then the answer says what is wrong and the review is unchanged', async (text, expected) => {
    await resolvedSev1();
    const before = review();
    expect(await say(text, text.startsWith('pir waive') ? 'ULEGAL01' : 'UALICE')).toContain(expected);
    expect(review()).toEqual(before);
  });

  it('when the incident is not resolved yet, then `pir` says when the review comes', async () => {
    h = await startFullHarness(CONFIG);
    await h.incident('declare sev2 Slow search');
    await h.settle();
    channel = h.incidentChannel();
    expect(await say('pir')).toContain('scheduled when the incident resolves, due within 10 business days');
  });

  it('when a review is done, then it cannot be done again or waived', async () => {
    await resolvedSev1();
    await say('pir done https://wiki.example.com/r/1');
    expect(await say('pir done https://wiki.example.com/r/2')).toContain('already done (https://wiki.example.com/r/1)');
    expect(await say('pir waive changed my mind', 'ULEGAL01')).toContain('already done');
  });
});

describe('the review draft', () => {
  it('when someone asks for the draft, then a Markdown file with the real timeline, roles and action items is shared in the channel', async () => {
    h = await startFullHarness(CONFIG);
    h.clock.set(START);
    await h.incident('declare sev1 Checkout down');
    await h.settle();
    channel = h.incidentChannel();
    await say('role comms <@UBOB|bob>');
    h.clock.set('2026-12-21T08:20:00.000Z');
    await say('note Rolled back the 08:55 config push & restarted the pool');
    await say('action add <@UCAROL|carol> +3d Alert on a pool size of 0');
    await say('resolve');
    await h.settle();
    const answer = await say('pir draft');
    expect(answer).toContain('`INC-2026-0001-review.md`');
    const [file] = h.slack.files(channel);
    expect(file?.title).toBe('Post-incident review: INC-2026-0001');
    const text = String(file?.content);
    // Times in the reader's Slack zone (the stand-in gives its users Europe/London).
    expect(text).toContain('Times are in Europe/London');
    expect(text).toContain('- 2026-12-21 08:20 GMT · @Alice Example · Rolled back the 08:55 config push & restarted the pool');
    expect(text).toContain('Rolled back the 08:55 config push & restarted the pool');
    expect(text).toContain('Alert on a pool size of 0');
    expect(text).toMatch(/comms/i);
    expect(text).toContain('- commander: @Alice Example from 2026-12-21 08:00 GMT');
    expect(text).toContain('- comms: @Bob Example from 2026-12-21 08:00 GMT');
  });

  it('when the draft is asked for outside an incident channel, then it says where it works', async () => {
    h = await startFullHarness(CONFIG);
    channel = 'CGENERAL';
    expect(await say('pir draft')).toContain('works inside an incident channel');
  });
});

describe('App Home within Slack limits', () => {
  it('when a person commands 47 open incidents and owns reviews and action items, then App Home still fits in 100 blocks and shows each section', async () => {
    h = await startFullHarness(CONFIG);
    for (let i = 1; i <= 47; i++) await h.incident(`declare sev1 Outage number ${i}`);
    await h.settle();
    const [first, second] = ['INC-2026-0001', 'INC-2026-0002'].map((id) => h.incidentChannel(id));
    channel = first as string;
    await say('resolve');
    channel = second as string;
    await say('action add <@UALICE|alice> +3d Fix the alert thresholds');
    await h.settle();
    const home = h.slack.calls('views.publish').filter((c) => c.args.user_id === 'UALICE').at(-1);
    expect(home?.ok).toBe(true);
    const blocks = (home?.args.view as { blocks: unknown[] }).blocks;
    expect(blocks.length).toBeLessThanOrEqual(100);
    const text = JSON.stringify(blocks);
    expect(text).toContain('…and more of yours: `/incident list`.');
    expect(text).toContain('Your post-incident reviews (1)');
    expect(text).toContain('Your action items (1 open)');
  });
});
