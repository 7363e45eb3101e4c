import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../../src/platform/clock.js';
import { startSlackStandIn } from './server.js';
import { renderTranscript, type TranscriptSource } from './transcript.js';
import { standInClient } from '../../stand-in-client.js';
import type { StandInChannel, StandInEphemeral, StandInMessage, StandInView } from './types.js';

const plain = (text: string) => ({ type: 'plain_text', text });
const mrkdwn = (text: string) => ({ type: 'mrkdwn', text });
const topic = (value = '') => ({ value, creator: '', lastSet: 0 });

const channel = (over: Partial<StandInChannel> & Pick<StandInChannel, 'id' | 'name'>): StandInChannel => ({
  isPrivate: false, isIm: false, isMpim: false, isArchived: false, created: 0, creator: 'U0WARDEN',
  topic: topic(), purpose: topic(), members: ['U0WARDEN', 'UALICE', 'UBOB'], ...over,
});

const message = (over: Partial<StandInMessage> & Pick<StandInMessage, 'channel' | 'ts'>): StandInMessage => ({
  text: '', user: 'U0WARDEN', bot_id: 'B0WARDEN', pinned: false, reactions: [], ...over,
});

const INC = 'C00000002';
const DM = 'D00000001';

function source(): TranscriptSource {
  const channels = [
    channel({ id: 'C00000001', name: 'general' }),
    channel({ id: INC, name: 'inc-20261122-payments-api-down', topic: topic('SEV1 | Commander @alice') }),
    channel({ id: DM, name: '', isIm: true, isPrivate: true, user: 'UBOB', members: ['U0WARDEN', 'UBOB'] }),
  ];
  const messages: StandInMessage[] = [
    message({
      channel: INC, ts: '1795336200.000100', text: 'fallback', pinned: true,
      reactions: [{ name: 'eyes', users: ['UBOB'], count: 1 }],
      blocks: [
        { type: 'header', text: plain('Payments API down') },
        { type: 'section', text: mrkdwn('Declared by <@UALICE> at <!date^1795336200^{time}|08:30 UTC>, see <#C00000001>') },
        { type: 'section', fields: [mrkdwn('*Severity*\nsev1'), mrkdwn('*Status*\ninvestigating'), mrkdwn('*Commander*\n<@UALICE>')] },
        { type: 'context', elements: [mrkdwn('Drill: no'), mrkdwn('<https://runbooks.example/pay|Runbook>')] },
        { type: 'divider' },
        { type: 'actions', elements: [
          { type: 'button', text: plain('Done'), action_id: 'done' },
          { type: 'button', text: plain('Skip'), action_id: 'skip' },
          { type: 'static_select', placeholder: plain('Change severity'), action_id: 'sev', options: [] },
        ] },
      ],
    }),
    message({ channel: INC, ts: '1795336260.000100', thread_ts: '1795336200.000100', user: 'UBOB', bot_id: undefined, text: 'On it &amp; paging <!subteam^S1|@payments>' }),
    message({ channel: INC, ts: '1795336500.000100', text: 'Update: *mitigated*', edited: { user: 'U0WARDEN', ts: '1795336600.000100' } }),
    message({ channel: DM, ts: '1795340000.000100', text: 'Reminder: patch CVE-2026-1 is due <!date^1795400000^{date}|tomorrow>' }),
  ];
  const ephemerals: StandInEphemeral[] = [
    { channel: INC, user: 'UALICE', ts: '1795336300.000100', text: 'You are now the commander' },
  ];
  const views: StandInView[] = [
    { id: 'V00000001', userId: 'UALICE', openedVia: 'open', updates: 1, hash: 'h', view: { type: 'modal', title: plain('Declare incident'), callback_id: 'declare_incident', blocks: [{ type: 'divider' }, { type: 'divider' }] } },
    { id: 'V00000002', userId: 'UBOB', openedVia: 'publish', updates: 0, hash: 'h', view: { type: 'home', blocks: [{ type: 'header', text: plain('Your open items') }] } },
  ];
  return {
    channels: () => channels,
    messages: (id) => messages.filter((m) => m.channel === id),
    ephemerals: (id) => ephemerals.filter((e) => id === undefined || e.channel === id),
    views: () => views,
    users: () => ({ UALICE: { name: 'alice', tz: 'Europe/London' }, UBOB: { name: 'bob', tz: 'UTC' } }),
  };
}

const EXPECTED = `#inc-20261122-payments-api-down  [topic: SEV1 | Commander @alice]
  08:30 @warden (pinned):
    PAYMENTS API DOWN
    Declared by @alice at 08:30 UTC, see #general
    *Severity* sev1  |  *Status* investigating
    *Commander* @alice
    ( Drill: no | Runbook (https://runbooks.example/pay) )
    ----
    [ Done ] [ Skip ] [ Change severity v ]
    :eyes: 1
      > 08:31 @bob:
        On it & paging @payments
  08:31 @warden (only visible to @alice):
    You are now the commander
  08:35 @warden (edited):
    Update: *mitigated*

DM with @bob (D00000001)
  09:33 @warden:
    Reminder: patch CVE-2026-1 is due tomorrow

Modals opened
  @alice opened "Declare incident" (2 blocks, callback declare_incident, updated 1x)
App Home tabs
  @bob: 1 blocks, starting "YOUR OPEN ITEMS"
`;

describe('renderTranscript', () => {
  it('when channels hold messages, threads, ephemerals and views, then it prints them as a person reads Slack', () => {
    expect(renderTranscript(source())).toBe(EXPECTED);
  });

  it('when rendered twice, then the output is identical', () => {
    expect(renderTranscript(source())).toBe(renderTranscript(source()));
  });

  it('when asked for one channel, then only that channel and the views are printed', () => {
    const out = renderTranscript(source(), { channels: ['inc-20261122-payments-api-down'] });
    expect(out).toContain('#inc-20261122-payments-api-down');
    expect(out).not.toContain('DM with @bob');
  });

  it('when a time zone is given, then message times are shown in it', () => {
    expect(renderTranscript(source(), { timeZone: 'Asia/Tokyo' })).toContain('17:30 @warden (pinned):');
  });

  it('when empty channels are included, then #general is listed with no messages', () => {
    expect(renderTranscript(source(), { includeEmpty: true })).toMatch(/^#general\n\n#inc-/);
  });
});

describe('renderTranscript on a live stand-in', () => {
  it('when Warden-like calls were made, then the transcript shows the channel, thread, DM and ephemeral', async () => {
    const standIn = await startSlackStandIn({ clock: new ManualClock('2026-11-22T08:30:00Z') });
    try {
      const client = standInClient(standIn);
      const { channel } = await client.conversations.create({ name: 'inc-20261122-db' });
      const id = channel!.id!;
      await client.conversations.invite({ channel: id, users: 'UALICE' });
      const parent = await client.chat.postMessage({ channel: id, text: 'Incident declared by <@UALICE>' });
      await client.chat.postMessage({ channel: id, thread_ts: parent.ts!, text: 'Step 1 done' });
      await client.chat.postEphemeral({ channel: id, user: 'UALICE', text: 'Only for you' });
      await client.chat.postMessage({ channel: 'UBOB', text: 'Patch due' });
      expect(renderTranscript(standIn)).toBe(
        [
          '#inc-20261122-db',
          '  08:30 @warden:',
          '    Incident declared by @alice',
          '      > 08:30 @warden:',
          '        Step 1 done',
          '  08:30 @warden (only visible to @alice):',
          '    Only for you',
          '',
          'DM with @bob (D00000001)',
          '  08:30 @warden:',
          '    Patch due',
          '',
        ].join('\n'),
      );
    } finally {
      await standIn.stop();
    }
  });
});
