/** The deadline board: every applied regime's stages, due times, time left and status. Pure builders. */
import type { KnownBlock } from '@slack/types';
import type { RegimeDeadlines } from '../app/clocks/incident-deadlines.js';
import { formatTimeLeft } from '../domain/deadlines/format-instant.js';
import type { StageDeadline } from '../domain/deadlines/stage-deadline.js';
import type { ClockEventRecord, StageSubmission } from '../domain/records.js';
import type { SlackMessage } from '../../incidents/index.js';
import { escapeMrkdwn, slackDate, truncate } from '../../../adapters/slack/escape.js';
import { dueKindLabel, dueRuleNotes, dueText, obligationLabel, STATUS_LABEL, STATUS_MARK, VERIFICATION_LABEL } from './clock-text.js';

export const BOARD_ACTIONS = { notNotifiable: 'clocks.not_notifiable' } as const;

/** Blocks per board message: under Slack's 50, so a long board is split into several messages. */
export const BOARD_BLOCKS_PER_MESSAGE = 45;

export interface BoardModel {
  incidentId: string;
  now: Date;
  events: readonly ClockEventRecord[];
  regimes: readonly RegimeDeadlines[];
  submissions: readonly StageSubmission[];
}

const section = (text: string): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text: truncate(text, 3000) } });
const context = (text: string): KnownBlock => ({ type: 'context', elements: [{ type: 'mrkdwn', text: truncate(text, 3000) }] });

/** The board as one or more messages of at most BOARD_BLOCKS_PER_MESSAGE blocks each. */
export function boardMessages(model: BoardModel): SlackMessage[] {
  const blocks = boardBlocks(model);
  const parts: KnownBlock[][] = [];
  for (let i = 0; i < blocks.length; i += BOARD_BLOCKS_PER_MESSAGE) parts.push(blocks.slice(i, i + BOARD_BLOCKS_PER_MESSAGE));
  const summary = boardSummary(model);
  return parts.map((b, i) => ({ text: parts.length > 1 ? `${summary} (part ${i + 1} of ${parts.length})` : summary, blocks: b }));
}

/** `Legal clocks of INC-…: 5 stages, 1 overdue, 2 submitted`: the notification text of the board. */
export function boardSummary(model: BoardModel): string {
  const stages = model.regimes.flatMap((r) => r.stages);
  const count = (s: StageDeadline['status']) => stages.filter((x) => x.status === s).length;
  const extra = [`${count('overdue')} overdue`, `${count('due_soon')} due soon`, `${count('submitted')} submitted`].filter((t) => !t.startsWith('0 '));
  return `Legal clocks of ${model.incidentId}: ${stages.length} stage${stages.length === 1 ? '' : 's'}${extra.length ? `, ${extra.join(', ')}` : ''}`;
}

export function boardBlocks(model: BoardModel): KnownBlock[] {
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: truncate(`Legal clocks · ${model.incidentId}`, 150) } },
    context(`Updated ${slackDate(model.now)}. Due times show in your own zone, the jurisdiction's wall clock in brackets.`),
    section(eventsLine(model.events)),
  ];
  if (model.regimes.length === 0) {
    blocks.push(section('No regime or contract is applied yet. `/incident regime` lists suggestions; `/incident regime add &lt;id&gt;` applies one.'));
  }
  for (const r of model.regimes) {
    const { regime } = r.entry;
    blocks.push({ type: 'divider' });
    blocks.push(section(`*${escapeMrkdwn(regime.name)}* \`${regime.id}\` · ${obligationLabel(r.entry)}`));
    blocks.push(context(`${escapeMrkdwn(regime.citation)} · zone ${r.stages[0]?.zone ?? regime.jurisdiction.zone}${entityNote(r)}`));
    const warnings = [...new Set([...(entityNote(r) && r.entityWarning ? [r.entityWarning] : []), ...r.stages.flatMap((s) => s.warnings)])];
    if (warnings.length > 0) blocks.push(context(warnings.map((w) => `:warning: ${escapeMrkdwn(w)}`).join('\n')));
    for (const s of r.stages) blocks.push(stageBlock(model, r, s));
  }
  return blocks;
}

/** Whose calendar and relief the regime's stages used, where the entity changes them. */
function entityNote(r: RegimeDeadlines): string {
  const { regime } = r.entry;
  const depends = (regime.jurisdiction.calendar ?? 'fixed') !== 'fixed' || regime.weekendRule !== null;
  if (!depends || !r.entity) return '';
  return ` · for ${escapeMrkdwn(r.entity.name)} (${r.entity.type}, ${r.entity.country})`;
}

function eventsLine(events: readonly ClockEventRecord[]): string {
  if (events.length === 0) return '*Clock events:* none recorded yet. `/incident clock became_aware` starts the clocks that run from it.';
  return `*Clock events:* ${events.map((e) => `\`${e.event}\` ${slackDate(e.at)}`).join(' · ')}`;
}

function stageBlock(model: BoardModel, r: RegimeDeadlines, s: StageDeadline): KnownBlock {
  const submission = model.submissions.find((x) => x.regimeId === s.regimeId && x.stageId === s.stageId);
  const lines = [`${STATUS_MARK[s.status]} *${escapeMrkdwn(s.stageId)}* → ${escapeMrkdwn(s.recipient)}`, statusLine(s, submission?.reference)];
  const rule = [dueKindLabel(s.dueKind, r.entry), r.entry.kind === 'law' ? VERIFICATION_LABEL[s.verification] : null, s.hardDeadline ? null : 'where feasible (give reasons if late)'];
  lines.push(`_${rule.filter(Boolean).join(' · ')}_`);
  const live = s.status !== 'submitted' && s.status !== 'not_notifiable' && s.due;
  const notes = live ? dueRuleNotes(s, r.entry.regime.jurisdiction.calendar === 'us_federal') : [];
  if (notes.length > 0) lines.push(escapeMrkdwn(truncate(notes.join(' · '), 500)));
  if (s.condition && s.status !== 'submitted' && s.status !== 'not_notifiable') lines.push(`If: ${escapeMrkdwn(truncate(s.condition, 300))}`);
  const block = section(lines.join('\n'));
  if (s.status === 'submitted' || s.status === 'not_notifiable') return block;
  return {
    ...block,
    accessory: {
      type: 'button',
      action_id: BOARD_ACTIONS.notNotifiable,
      text: { type: 'plain_text', text: 'Not notifiable' },
      value: `${model.incidentId}|${s.regimeId}:${s.stageId}`,
    },
  } as KnownBlock;
}

function statusLine(s: StageDeadline, reference: string | undefined): string {
  switch (s.status) {
    case 'waiting':
      return `Waiting for \`${s.waitingFor ?? s.anchor}\`${s.backstopDue ? `; if it happens, not later than ${dueText(s.backstopDue, s.zone)}` : ''}`;
    case 'submitted':
      return `*submitted* ${slackDate(s.submittedAt as Date)}${reference ? ` · reference ${escapeMrkdwn(truncate(reference, 200))}` : ''}${s.submittedLate ? ' · after its due time' : ''}`;
    case 'not_notifiable':
      return `Not notifiable: ${escapeMrkdwn(truncate(s.notNotifiable?.reason ?? '', 500))}`;
    default:
      if (!s.due) return `No fixed period${s.text ? `: ${escapeMrkdwn(s.text)}` : ''}`;
      return `*${STATUS_LABEL[s.status]}* · due ${dueText(s.due, s.zone)} · ${formatTimeLeft(s.timeLeftMs ?? 0)}`;
  }
}
