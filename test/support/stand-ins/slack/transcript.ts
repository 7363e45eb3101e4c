/**
 * Prints the stand-in's workspace as a person would read it in Slack: each channel with its messages in order,
 * thread replies indented, ephemerals marked, then the modals and home tabs that were shown. Deterministic.
 */
import { BOT_USER_ID, BOT_USER_NAME, type StandInUser } from './identity.js';
import { renderBody, type Names } from './render-blocks.js';
import type { StandInChannel, StandInEphemeral, StandInMessage, StandInView } from './types.js';

/** What the transcript reads; `SlackStandIn` is one. */
export interface TranscriptSource {
  channels(): StandInChannel[];
  messages(channelId: string): StandInMessage[];
  ephemerals(channelId?: string): StandInEphemeral[];
  views(): StandInView[];
  users(): Record<string, StandInUser>;
}

export interface TranscriptOptions {
  /** Only these channels (names without `#`, or ids); all by default. */
  channels?: readonly string[];
  /** Zone for the `HH:MM` of each message; UTC by default. */
  timeZone?: string;
  /** Also list channels nobody wrote in. */
  includeEmpty?: boolean;
}

type Entry = { kind: 'message'; m: StandInMessage } | { kind: 'ephemeral'; m: StandInEphemeral };

const tsKey = (ts: string): number => Number(ts.replace('.', ''));
const byTs = (a: Entry, b: Entry): number => tsKey(a.m.ts) - tsKey(b.m.ts);
const INDENT = '    ';

export function renderTranscript(source: TranscriptSource, opts: TranscriptOptions = {}): string {
  const names = namesOf(source);
  const clock = timeFormatter(opts.timeZone ?? 'UTC');
  const sections: string[] = [];
  for (const channel of source.channels()) {
    if (opts.channels && !opts.channels.includes(channel.name) && !opts.channels.includes(channel.id)) continue;
    const entries: Entry[] = [
      ...source.messages(channel.id).map((m): Entry => ({ kind: 'message', m })),
      ...source.ephemerals(channel.id).map((m): Entry => ({ kind: 'ephemeral', m })),
    ];
    if (entries.length === 0 && !opts.includeEmpty) continue;
    sections.push([channelTitle(channel, names), ...renderEntries(entries, names, clock)].join('\n'));
  }
  const views = renderViews(source.views(), names);
  if (views) sections.push(views);
  return sections.length === 0 ? '(nothing was posted)\n' : `${sections.join('\n\n')}\n`;
}

function namesOf(source: TranscriptSource): Names {
  const users = new Map(Object.entries(source.users()).map(([id, u]) => [id, u.name]));
  users.set(BOT_USER_ID, BOT_USER_NAME);
  const channels = new Map(source.channels().map((c) => [c.id, c.name]));
  return { users, channels };
}

function channelTitle(channel: StandInChannel, names: Names): string {
  if (channel.isIm) return `DM with @${names.users.get(channel.user ?? '') ?? channel.user ?? '?'} (${channel.id})`;
  if (channel.isMpim) {
    const people = channel.members.filter((m) => m !== BOT_USER_ID).map((m) => `@${names.users.get(m) ?? m}`);
    return `Group DM with ${people.join(', ')} (${channel.id})`;
  }
  const notes = [
    channel.isPrivate ? 'private' : '',
    channel.isArchived ? 'archived' : '',
    channel.topic.value ? `topic: ${channel.topic.value}` : '',
  ].filter((n) => n !== '');
  return `#${channel.name}${notes.length > 0 ? `  [${notes.join('; ')}]` : ''}`;
}

function renderEntries(entries: Entry[], names: Names, clock: (ts: string) => string): string[] {
  const topLevel = entries.filter((e) => !e.m.thread_ts || e.m.thread_ts === e.m.ts).sort(byTs);
  const topTs = new Set(topLevel.map((e) => e.m.ts));
  const orphans = entries.filter((e) => e.m.thread_ts && e.m.thread_ts !== e.m.ts && !topTs.has(e.m.thread_ts));
  const lines: string[] = [];
  for (const entry of [...topLevel, ...orphans].sort(byTs)) {
    lines.push(...renderEntry(entry, names, clock, '  '));
    if (!topTs.has(entry.m.ts)) continue;
    const replies = entries.filter((e) => e.m.thread_ts === entry.m.ts && e.m.ts !== entry.m.ts).sort(byTs);
    for (const reply of replies) lines.push(...renderEntry(reply, names, clock, `${INDENT}  > `, `${INDENT}    `));
  }
  return lines;
}

function renderEntry(entry: Entry, names: Names, clock: (ts: string) => string, lead: string, body = `${lead}  `): string[] {
  const m = entry.m;
  const author = entry.kind === 'message' ? m.user : BOT_USER_ID;
  const marks: string[] = [];
  if (entry.kind === 'ephemeral') marks.push(`(only visible to @${names.users.get(entry.m.user) ?? entry.m.user})`);
  if (entry.kind === 'message' && entry.m.pinned) marks.push('(pinned)');
  if (entry.kind === 'message' && entry.m.edited) marks.push('(edited)');
  const head = `${lead}${clock(m.ts)} @${names.users.get(author) ?? author}${marks.map((x) => ` ${x}`).join('')}:`;
  const lines = [head, ...renderBody(m.text, m.blocks, names).map((l) => `${body}${l}`)];
  if (entry.kind === 'message' && entry.m.reactions.length > 0) {
    lines.push(`${body}${entry.m.reactions.map((r) => `:${r.name}: ${r.count}`).join('  ')}`);
  }
  return lines;
}

function renderViews(views: StandInView[], names: Names): string {
  const who = (v: StandInView) => (v.userId ? `@${names.users.get(v.userId) ?? v.userId}` : '(someone)');
  const lines: string[] = [];
  const modals = views.filter((v) => v.openedVia !== 'publish');
  if (modals.length > 0) lines.push('Modals opened');
  for (const v of modals) {
    const title = typeof v.view.title === 'object' && v.view.title !== null ? String((v.view.title as { text?: unknown }).text ?? '') : '';
    const callback = typeof v.view.callback_id === 'string' ? `, callback ${v.view.callback_id}` : '';
    const updates = v.updates > 0 ? `, updated ${v.updates}x` : '';
    lines.push(`  ${who(v)} ${v.openedVia === 'push' ? 'pushed' : 'opened'} "${title}" (${blockCount(v)} blocks${callback}${updates})`);
  }
  const homes = views.filter((v) => v.openedVia === 'publish');
  if (homes.length > 0) lines.push('App Home tabs');
  for (const v of homes) {
    const first = renderBody('', Array.isArray(v.view.blocks) ? v.view.blocks.slice(0, 1) : [], names)[0] ?? '';
    lines.push(`  ${who(v)}: ${blockCount(v)} blocks${first ? `, starting "${first}"` : ''}`);
  }
  return lines.join('\n');
}

const blockCount = (v: StandInView): number => (Array.isArray(v.view.blocks) ? v.view.blocks.length : 0);

function timeFormatter(timeZone: string): (ts: string) => string {
  const format = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return (ts) => format.format(new Date(Math.floor(Number(ts) * 1000)));
}
