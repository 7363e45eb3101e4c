import type { KnownBlock } from '@slack/types';
import { escapeMrkdwn, mention, slackDate, truncate } from '../../../adapters/slack/escape.js';
import { formatDuration } from '../../../platform/duration.js';
import type { DmPayload } from '../app/follow-up.js';
import { everyText, periodStatus } from '../domain/cadence.js';
import type { Control, ControlPeriod } from '../domain/control.js';
import { periodLabel } from '../domain/period-label.js';

export const doneHint = (control: Control) => `\`/access-review done ${control.id} &lt;evidence&gt;\``;
const HOUR = 3_600_000;
/** How late, to the hour: `3d4h`. */
const lateBy = (ms: number) => formatDuration(Math.max(HOUR, Math.floor(ms / HOUR) * HOUR));
const section = (text: string): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text: truncate(text, 3000) } });
const message = (text: string) => ({ text, blocks: [section(text)] });
const nameOf = (control: Control) => `*${escapeMrkdwn(control.name)}*`;
const ownerText = (control: Control) => (control.owner ? mention(control.owner) : '_no owner_');

/** The owner's DM: the period opened, or a reminder at or after its due time; what counts as evidence, how to close it. */
export function controlDm(control: Control, period: ControlPeriod, p: DmPayload, zone: string, now: Date) {
  const label = periodLabel(control.every, zone, period);
  const when =
    p.what === 'opened'
      ? `:clipboard: ${nameOf(control)} is open for ${label}: it is yours, due ${slackDate(period.due)}.`
      : p.what === 'overdue'
        ? `:alarm_clock: ${nameOf(control)} (${label}) is *overdue by ${lateBy(now.getTime() - period.due.getTime())}* (it was due ${slackDate(period.due)}).`
        : `:alarm_clock: ${nameOf(control)} (${label}) ${p.what === 'due' ? 'has reached' : 'is coming to'} its due time, ${slackDate(period.due)}.`;
  const count = p.n === null ? '' : ` Reminder ${p.n + 1} of ${p.total}.`;
  const evidence = control.evidence ? `\nEvidence: ${escapeMrkdwn(control.evidence)}.` : '';
  return message(`${when}${count}${evidence}\nWhen it is done: ${doneHint(control)}`);
}

/** The managers' channel hears of a period still open after `escalateAfter`, once per period. */
export function escalationMessage(control: Control, period: ControlPeriod, zone: string, now: Date) {
  return message(`:rotating_light: ${nameOf(control)} (${periodLabel(control.every, zone, period)}) is *overdue by ${lateBy(now.getTime() - period.due.getTime())}* (due ${slackDate(period.due)}).\nOwner: ${control.owner ? mention(control.owner) : 'none'}.`);
}

const STATUS_TEXT = { open: 'open', overdue: ':warning: *overdue*', done: ':white_check_mark: done' } as const;

function doneText(period: ControlPeriod | null): string {
  if (!period?.doneAt) return 'never done';
  const proof = period.evidence ? `: ${escapeMrkdwn(truncate(period.evidence, 120))}` : '';
  return `last done ${slackDate(period.doneAt)} by ${mention(period.doneBy ?? '')}${period.late ? ' (*late*)' : ''}${proof}`;
}

/** One line per control: name and id, owner or "no owner", cadence, current period, due, status, last done and whether late. */
export function controlLine(control: Control, current: ControlPeriod | null, lastDone: ControlPeriod | null, zone: string, now: Date): string {
  const head = `• ${nameOf(control)} \`${control.id}\` (${ownerText(control)}, ${everyText(control.every)})`;
  if (!current) return `${head}: no period yet; ${doneText(lastDone)}`;
  const status = STATUS_TEXT[periodStatus(current, now)];
  return `${head}: ${periodLabel(control.every, zone, current)} ${status}, due ${slackDate(current.due)}; ${doneText(lastDone)}`;
}

const HOME_ITEMS = 10;

/** App Home: the viewer's open periods, oldest first (overdue marked). */
export function homeBlocks(lines: readonly string[]): KnownBlock[] {
  if (lines.length === 0) return [];
  return [
    { type: 'header', text: { type: 'plain_text', text: `Your reviews and controls (${lines.length} open)` } },
    ...lines.slice(0, HOME_ITEMS).map(section),
    { type: 'context', elements: [{ type: 'mrkdwn', text: `${lines.length > HOME_ITEMS ? `…and ${lines.length - HOME_ITEMS} more. ` : ''}\`/access-review list\` for all; close one with \`/access-review done &lt;id&gt; &lt;evidence&gt;\`` }] },
  ];
}
