import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { plainTextValue, staticSelectValue } from '../support/slack-requests.js';
import { eventually, startClockHarness, type ClockHarness } from '../features/notifications/app/clocks/clock-harness.js';

let h: ClockHarness;
let channel: string;
const say = (text: string, user = 'UALICE') => h.say(channel, text, user);
const events = () => h.db.prepare('SELECT event, at, recorded_by FROM clock_events ORDER BY event').all();
const epoch = (iso: string) => Math.floor(Date.parse(iso) / 1000);

beforeEach(async () => {
  h = await startClockHarness({ permissions: { approvers: ['ULEGAL01'] } });
  await h.incident('declare sev2 Customer export bucket public');
  await h.settle();
  channel = h.incidentChannel();
});
afterEach(async () => {
  await h.stop();
});

describe('recording clock events', () => {
  it('when no time is given, then the event is recorded now, by whom and when, echoed in UTC and local time', async () => {
    const answer = await say('clock became_aware');
    expect(answer).toContain('Recorded `became_aware` at *2026-11-22T09:00:00Z* (UTC) = 2026-11-22 09:00 +00:00 Europe/London (your time)');
    expect(events()).toEqual([{ event: 'became_aware', at: '2026-11-22T09:00:00.000Z', recorded_by: 'UALICE' }]);
  });

  it('when an ISO 8601 time with an offset is given, then that instant is recorded', async () => {
    expect(await say('clock detected 2026-11-22T09:30+01:00', 'UCAROL')).toContain('*2026-11-22T08:30:00Z* (UTC) = 2026-11-22 17:30 +09:00 Asia/Tokyo');
    expect(events()).toEqual([{ event: 'detected', at: '2026-11-22T08:30:00.000Z', recorded_by: 'UCAROL' }]);
  });

  it("when a plain local time is given, then it is read in the recorder's Slack zone (New York) and echoed in UTC", async () => {
    expect(await say('clock suspected 03:15', 'UBOB')).toContain('*2026-11-22T08:15:00Z* (UTC) = 2026-11-22 03:15 -05:00 America/New_York (your time)');
    expect(await say('clock discovered 2026-11-21 22:00', 'UBOB')).toContain('*2026-11-22T03:00:00Z* (UTC)');
    expect(h.slack.calls('users.info').map((c) => c.args.user)).toEqual(['UBOB', 'UBOB']);
    expect(events()).toEqual([
      { event: 'discovered', at: '2026-11-22T03:00:00.000Z', recorded_by: 'UBOB' },
      { event: 'suspected', at: '2026-11-22T08:15:00.000Z', recorded_by: 'UBOB' },
    ]);
  });

  it('when an event is recorded again, then the correction keeps the old value in the timeline and the audit log', async () => {
    await say('clock became_aware 2026-11-22T07:00:00Z');
    expect(await say('clock became_aware 2026-11-22T08:40:00Z', 'UBOB')).toContain('Corrected from 2026-11-22T07:00:00Z');
    const incident = h.warden.store.incidents.listOpen()[0]!;
    const timeline = h.warden.store.timeline.list(incident.id).filter((e) => e.kind === 'clock_event').map((e) => e.text);
    expect(timeline).toEqual(['Clock became_aware at 2026-11-22T07:00:00Z', 'Clock became_aware corrected from 2026-11-22T07:00:00Z to 2026-11-22T08:40:00Z']);
    const audit = h.warden.store.audit.forIncident(incident.id).filter((a) => a.action === 'clock.event_corrected');
    expect(audit).toMatchObject([{ actor: 'UBOB', details: { event: 'became_aware', from: '2026-11-22T07:00:00.000Z', to: '2026-11-22T08:40:00.000Z' } }]);
    expect(events()).toEqual([{ event: 'became_aware', at: '2026-11-22T08:40:00.000Z', recorded_by: 'UBOB' }]);
  });

  it('when /incident clock has no event, then it lists the recorded events and the allowed ones', async () => {
    await say('clock became_aware 2026-11-22T08:00:00Z', 'UBOB');
    const answer = await say('clock');
    expect(answer).toContain('`became_aware` <!date^1795334400^');
    expect(answer).toContain('recorded by <@UBOB>');
    expect(answer).toContain('Events: detected, became_aware, discovered');
  });

  it.each([
    ['clock gotcha_moment', 'Unknown clock event `gotcha_moment`. Events: detected, became_aware, discovered, determined'],
    ['clock became_aware yesterday-ish', '`yesterday-ish` is not a time I can read. Give no time (now), ISO 8601 with an offset'],
    ['clock became_aware 2026-02-30 10:00', 'is not a time I can read'],
    ['clock became_aware 25:10', 'is not a time I can read'],
    ['clock became_aware 2026-11-22T10:00:00Z', '2026-11-22T10:00:00Z is in the future (it is now 2026-11-22T09:00:00Z)'],
    ['clock became_aware <!channel>', 'That is not a time I can read'],
  ])('when the input is bad (%s), then a clear error and nothing is stored', async (text, expected) => {
    expect(await say(text)).toContain(expected);
    expect(events()).toEqual([]);
  });
});

describe('regimes and the deadline board', () => {
  it('when GDPR and NIS2 apply, then the board is posted once, pinned, and shows 72h and 24h from became_aware in both zones', async () => {
    await say('clock became_aware 2026-11-22T08:00:00Z', 'UBOB');
    expect(await say('regime add gdpr', 'UBOB')).toContain('Applied *GDPR personal data breach notification (Arts 33-34)* (law)');
    await say('regime add nis2', 'UBOB');
    await h.settle();
    const posts = h.slack.calls('chat.postMessage').filter((c) => String(c.args.text).startsWith('Legal clocks of'));
    expect(posts).toHaveLength(1);
    const [board] = h.slack.messages(channel).filter((m) => m.text.startsWith('Legal clocks of'));
    expect(board?.pinned).toBe(true);
    const blocks = JSON.stringify(board?.blocks);
    // GDPR Art 33: 72 elapsed hours -> 2026-11-25T08:00Z (09:00 in Brussels); NIS2 early warning: 24 h.
    expect(blocks).toContain(`*supervisory_authority* → competent/lead supervisory authority (Art 55/56)\\n*open* · due <!date^${epoch('2026-11-25T08:00:00Z')}^`);
    expect(blocks).toContain('(2026-11-25 09:00 +01:00 Europe/Brussels) · 2d 23h left');
    expect(blocks).toContain(`*early_warning* → national CSIRT or competent authority\\n*open* · due <!date^${epoch('2026-11-23T08:00:00Z')}^`);
    expect(blocks).toContain('(2026-11-23 09:00 +01:00 Europe/Brussels) · 23h left');
    expect(blocks).toContain('legal deadline · rule verified · where feasible (give reasons if late)');
    expect(blocks).toContain('internal target (house SLA, not law)');
    expect(blocks).toContain('Waiting for `stage:incident_notification.submitted`');
    expect(h.slack.calls('chat.update').some((c) => c.args.ts === board?.ts)).toBe(true);
  });

  it('when an event is corrected, then the board is updated in place with the new due time', async () => {
    await say('regime add nis2');
    await say('clock became_aware 2026-11-22T06:00:00Z');
    await h.settle();
    await say('clock became_aware 2026-11-22T08:00:00Z');
    await h.settle();
    const boards = h.slack.messages(channel).filter((m) => m.text.startsWith('Legal clocks of'));
    expect(boards).toHaveLength(1);
    expect(JSON.stringify(boards[0]?.blocks)).toContain('(2026-11-23 09:00 +01:00 Europe/Brussels) · 23h left');
  });

  it('when a customer tier applies, then it is labelled as a contract, never as law', async () => {
    await say('clock became_aware 2026-11-22T08:00:00Z');
    await say('regime add contract:enterprise');
    await h.settle();
    const blocks = h.board(channel);
    expect(blocks).toContain('*Customer contract (enterprise)* `contract:enterprise` · contract');
    expect(blocks).toContain('contractual deadline (not law)');
    expect(blocks).toContain('(2026-11-23 08:00 +00:00 UTC) · 23h left');
  });

  it('when /incident deadlines is asked, then the reader gets the board and the pinned one is refreshed', async () => {
    await say('regime add gdpr');
    await h.settle();
    const updates = h.slack.calls('chat.update').length;
    const res = await h.incident('deadlines', { channel, user: 'UBOB' });
    expect(JSON.stringify(res.body)).toContain('Waiting for `became_aware`');
    await h.settle();
    expect(h.slack.calls('chat.update').length).toBeGreaterThan(updates);
  });

  it('when every regime in force applies, then the board is split into messages Slack accepts, partial rules flagged as unverified law', async () => {
    await say('clock became_aware 2026-11-22T08:00:00Z');
    await say('clock discovered 2026-11-22T08:00:00Z');
    const ids = (await say('regime')).split('*Available*: ')[1]!.split('\n')[0]!.split(', ');
    for (const id of ids) {
      await say(`regime add ${id}`);
      // A person adds one regime every few seconds and Warden's scheduler posts in between; all of it in
      // one frozen instant would exceed chat.postMessage's one a second per channel.
      await h.advance(5000);
    }
    await h.settle();
    const parts = h.slack.messages(channel).filter((m) => m.text.startsWith('Legal clocks of'));
    expect(ids.length).toBeGreaterThan(20);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.every((m) => (m.blocks?.length ?? 0) <= 45)).toBe(true);
    expect(parts.filter((m) => m.pinned)).toHaveLength(1);
    expect(h.warden.store.jobs.failedCount()).toBe(0);
    expect(h.board(channel)).toContain(':warning: rule partly verified: confirm with counsel');
    expect(await say('regime remove dora', 'ULEGAL01')).toContain('Removed `dora`.');
    await h.settle();
    expect(h.slack.messages(channel).filter((m) => m.text.startsWith('Legal clocks of')).length).toBeLessThanOrEqual(parts.length);
    expect(h.warden.store.jobs.failedCount()).toBe(0);
  });

  it.each([
    ['regime add gdrp', 'Unknown regime `gdrp`. Available: au-ndb, au-ransomware'],
    ['regime add circia', 'is a *proposed* rule, not law yet'],
    ['regime add <!here>', 'is not a regime id'],
    ['regime remove gdpr', 'Only a Warden approver (<@ULEGAL01>) may remove an applied notification regime.'],
    ['regime frobnicate gdpr', 'Usage: `/incident regime add &lt;id&gt;`'],
  ])('when the regime input is bad (%s), then a clear error and nothing is applied', async (text, expected) => {
    expect(await say(text)).toContain(expected);
    expect(h.db.prepare('SELECT count(*) AS n FROM incident_regimes').get()).toEqual({ n: 0 });
  });

  it('when a regime is listed, then applied ones, suggestions and the available ids show', async () => {
    await say('regime add gdpr');
    const answer = await say('regime');
    expect(answer).toContain('`gdpr` GDPR personal data breach notification (Arts 33-34) · law, applied by <@UALICE>');
    expect(answer).toContain('*Available*: au-ndb');
    expect(answer).toContain('contract:enterprise');
    expect(answer).not.toContain('circia');
  });
});

describe('regime suggestions from flags', () => {
  const declareWithFlags = async () => {
    const flags = { type: 'checkboxes', selected_options: ['personal_data', 'eu_subjects'].map((value) => ({ text: { type: 'plain_text', text: value }, value })) };
    await h.submit({
      callbackId: 'incident.declare',
      privateMetadata: '',
      values: { title: { title: plainTextValue('EU customer records exposed') }, severity: { severity: staticSelectValue('sev1') }, flags: { flags: flags } },
      userId: 'UALICE',
      viewId: 'VFLAGS',
    });
    await h.settle();
    return h.warden.store.incidents.listOpen().find((i) => i.title === 'EU customer records exposed')!;
  };

  it('when the flags suggest GDPR, then the channel gets an Apply GDPR button; a click applies it, audited', async () => {
    const incident = await declareWithFlags();
    const ch = incident.channelId!;
    const suggestion = h.slack.messages(ch).find((m) => m.text.includes('suggest *GDPR'));
    expect(JSON.stringify(suggestion?.blocks)).toContain('"text":"Apply GDPR"');
    await h.action({ actionId: 'clocks.apply_regime', value: `${incident.id}|gdpr`, userId: 'UBOB', channelId: ch, messageTs: suggestion!.ts });
    const applied = await eventually(() => h.warden.store.audit.forIncident(incident.id).find((a) => a.action === 'clock.regime_applied'));
    await h.settle();
    expect(applied).toMatchObject({ actor: 'UBOB', details: { regimeId: 'gdpr', viaSuggestion: true } });
    expect(h.slack.messages(ch).find((m) => m.ts === suggestion!.ts)?.text).toContain('<@UBOB> applied *GDPR');
    expect(h.board(ch)).toContain('`gdpr` · law');
  });

  it('when flags change, then only the newly suggested regimes are posted, once', async () => {
    const incident = h.warden.store.incidents.listOpen()[0]!;
    const change = (before: string[], after: string[]) =>
      h.warden.store.jobs.enqueue({ kind: 'incident.flags_changed', dueAt: h.clock.now(), payload: { incidentId: incident.id, before, after, by: 'UALICE' } }, h.clock.now());
    change(['personal_data'], ['personal_data', 'phi', 'eu_subjects']);
    change(['personal_data', 'phi', 'eu_subjects'], ['personal_data', 'phi', 'eu_subjects', 'public_company']);
    await h.settle();
    const suggested = h.slack.messages(channel).filter((m) => m.text.includes(':scales: The flags')).map((m) => /suggest \*([^*]+)\*/.exec(m.text)?.[1]);
    expect(suggested).toEqual(['GDPR personal data breach notification (Arts 33-34)', 'HIPAA Breach Notification Rule (unsecured PHI)', 'SEC Form 8-K Item 1.05 material cybersecurity incident']);
  });

  it('when the declared job runs again, then the suggestion is not posted twice', async () => {
    const incident = await declareWithFlags();
    h.warden.store.jobs.enqueue({ kind: 'incident.declared', dueAt: h.clock.now(), payload: { incidentId: incident.id } }, h.clock.now());
    await h.settle();
    expect(h.slack.messages(incident.channelId!).filter((m) => m.text.includes('suggest *GDPR'))).toHaveLength(1);
  });
});
