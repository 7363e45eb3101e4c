/**
 * The playbook checklist as channel messages. Long checklists are split across messages: phases are packed
 * in order, a phase too long for one message is cut into chunks. The split depends only on which steps are
 * visible (each step is counted at its largest, open size), never on their status, so message i can be
 * re-rendered after a click and `chat.update`d in place. It changes only when a flag change adds or removes steps.
 */
import type { ActionsBlock, Button, KnownBlock, SectionBlock } from '@slack/types';
import type { ChecklistModel, ChecklistStep } from '../../domain/checklist-model.js';
import { clipMrkdwn, clipPlain, encodeStepRef, guidanceSummary } from './playbook-text.js';
import { escapeMrkdwn, mention, slackDate } from '../../../../adapters/slack/escape.js';

export const PLAYBOOK_ACTIONS = { done: 'playbook.done', skip: 'playbook.skip', assign: 'playbook.assign' } as const;

export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

const MAX_BLOCKS = 50;
const HEAD_BLOCKS = 2; // header + progress, first message only
const BLOCKS_PER_STEP = 2; // section + actions while open
const MAX_TEXT = 3000;

/** One run of steps from one phase, rendered together under a phase heading. */
interface Segment {
  phaseIndex: number;
  steps: readonly ChecklistStep[];
  continued: boolean;
}

/** Renders the checklist as one or more messages, each `{ text, blocks }` within Slack's limits. */
export function checklistMessages(model: ChecklistModel): SlackMessage[] {
  const pages = layout(model);
  return pages.map((segments, i) => {
    const blocks: KnownBlock[] = i === 0 ? headBlocks(model) : [];
    for (const seg of segments) blocks.push(...segmentBlocks(model, seg));
    const part = pages.length > 1 ? ` (part ${i + 1} of ${pages.length})` : '';
    return { text: `${progressLine(model)}${part}`, blocks };
  });
}

/** Packs phase segments into pages of at most MAX_BLOCKS blocks (counting every step as open). */
function layout(model: ChecklistModel): Segment[][] {
  const pages: Segment[][] = [[]];
  let room = MAX_BLOCKS - HEAD_BLOCKS;
  const newPage = () => {
    pages.push([]);
    room = MAX_BLOCKS;
  };
  model.phases.forEach((phase, phaseIndex) => {
    const need = 1 + BLOCKS_PER_STEP * phase.steps.length;
    const current = pages[pages.length - 1] ?? [];
    if (need > room && (current.length > 0 || pages.length === 1) && need <= MAX_BLOCKS) newPage();
    let rest = phase.steps;
    let continued = false;
    while (rest.length > 0) {
      if (room < 1 + BLOCKS_PER_STEP) newPage();
      const fit = Math.floor((room - 1) / BLOCKS_PER_STEP);
      pages[pages.length - 1]?.push({ phaseIndex, steps: rest.slice(0, fit), continued });
      room -= 1 + BLOCKS_PER_STEP * Math.min(fit, rest.length);
      rest = rest.slice(fit);
      continued = true;
    }
  });
  return pages.filter((p, i) => p.length > 0 || i === 0);
}

function headBlocks(model: ChecklistModel): KnownBlock[] {
  return [
    { type: 'header', text: { type: 'plain_text', text: clipPlain(`Playbook: ${model.playbookName}`, 150), emoji: true } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: progressMrkdwn(model) }] },
  ];
}

function progressLine(model: ChecklistModel): string {
  const { done, skipped, total } = model.progress;
  return `Playbook ${model.playbookName}: ${done + skipped} of ${total} steps closed`;
}

function progressMrkdwn(model: ChecklistModel): string {
  const { done, skipped, open, total, overdue } = model.progress;
  const filled = total === 0 ? 10 : Math.round(((done + skipped) / total) * 10);
  const bar = `${'▰'.repeat(filled)}${'▱'.repeat(10 - filled)}`;
  const parts = [`${bar} *${done + skipped}/${total}*`, `${done} done`, `${skipped} skipped`, `${open} open`];
  if (overdue > 0) parts.push(`:warning: ${overdue} overdue`);
  return parts.join(' · ');
}

function segmentBlocks(model: ChecklistModel, seg: Segment): KnownBlock[] {
  const phase = model.phases[seg.phaseIndex];
  if (!phase) return [];
  const closed = phase.steps.filter((s) => s.status !== 'open').length;
  const heading: SectionBlock = {
    type: 'section',
    block_id: `playbook.phase.${phase.phase}`,
    text: { type: 'mrkdwn', text: `*${escapeMrkdwn(phase.name)}*${seg.continued ? ' (continued)' : ''}  ${closed}/${phase.steps.length}` },
  };
  return [heading, ...seg.steps.flatMap((step) => stepBlocks(model.incidentId, step))];
}

function stepBlocks(incidentId: string, step: ChecklistStep): KnownBlock[] {
  const section: SectionBlock = {
    type: 'section',
    block_id: `playbook.step.${step.id}`,
    text: { type: 'mrkdwn', text: clipMrkdwn(stepText(step), MAX_TEXT) },
  };
  if (step.status !== 'open') return [section];
  const value = encodeStepRef({ incidentId, stepId: step.id });
  const actions: ActionsBlock = {
    type: 'actions',
    block_id: `playbook.actions.${step.id}`,
    elements: [
      button('Done', PLAYBOOK_ACTIONS.done, value, 'primary'),
      button('Skip', PLAYBOOK_ACTIONS.skip, value),
      button(step.assigned ? 'Reassign' : 'Assign', PLAYBOOK_ACTIONS.assign, value),
    ],
  };
  return [section, actions];
}

function button(label: string, actionId: string, value: string, style?: 'primary'): Button {
  return { type: 'button', action_id: actionId, text: { type: 'plain_text', text: label }, value, ...(style ? { style } : {}) };
}

/** The mrkdwn of one step: status icon and title, then who/when and either guidance or the closing note. */
export function stepText(step: ChecklistStep): string {
  const title = escapeMrkdwn(step.title);
  if (step.status === 'done') {
    const evidence = step.evidence ? `\nEvidence: ${clipMrkdwn(escapeMrkdwn(step.evidence), 1200)}` : '';
    return `:white_check_mark: ~${title}~\nDone by ${closer(step)}${evidence}`;
  }
  if (step.status === 'skipped') {
    const reason = step.reason ? `\nReason: ${clipMrkdwn(escapeMrkdwn(step.reason), 1200)}` : '';
    return `:fast_forward: ~${title}~\nSkipped by ${closer(step)}${reason}`;
  }
  const icon = step.overdue ? ':red_circle:' : ':white_circle:';
  const who = step.assignee ? ` · ${mention(step.assignee)}` : ' · _unassigned_';
  const due = step.dueAt ? ` · due ${slackDate(step.dueAt)}${step.overdue ? ' *overdue*' : ''}` : '';
  const evidence = step.evidenceLevel === 'required' ? ' · evidence required' : '';
  return `${icon} *${title}*\n_${step.ownerRole}_${who}${due}${evidence}\n${guidanceSummary(step.guidance)}`;
}

function closer(step: ChecklistStep): string {
  const by = step.by ? mention(step.by) : 'someone';
  return step.at ? `${by} ${slackDate(step.at)}` : by;
}
