/** The notice modal, the approval request and the "not notifiable" modal. Pure builders. */
import type { KnownBlock, ModalView } from '@slack/types';
import type { NoticeDraft } from '../app/notices/draft-notice.js';
import { MAX_NOTICE } from '../app/notices/draft-notice.js';
import { MAX_RATIONALE } from '../app/clocks/mark-not-notifiable.js';
import type { Notice } from '../domain/notices/notice.js';
import { elementText, type ChecklistItem } from '../domain/notices/required-elements.js';
import type { SlackMessage } from '../../incidents/index.js';
import { escapeMrkdwn, mention, slackDate, truncate } from '../../../adapters/slack/escape.js';

export const NOTICE_VIEWS = { draft: 'clocks.notice_draft', notNotifiable: 'clocks.not_notifiable_reason' } as const;
export const NOTICE_INPUTS = { stage: 'stage', text: 'text', reason: 'reason' } as const;
export const NOTICE_ACTIONS = { approve: 'clocks.notice_approve', changes: 'clocks.notice_changes' } as const;

const plain = (text: string, max: number) => ({ type: 'plain_text' as const, text: truncate(text, max) });
const section = (text: string): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text: truncate(text, 3000) } });
const context = (text: string): KnownBlock => ({ type: 'context', elements: [{ type: 'mrkdwn', text: truncate(text, 3000) }] });

/** The three characters Slack reads as markup, back from their entities: what a person typed in a modal. */
export const unescapeSlack = (text: string): string => text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');

/**
 * What the law the template answers requires, each element complete or still `[to complete: ...]` in the
 * draft as rendered; none for a template that declares nothing.
 */
export function checklistBlocks(draft: Pick<NoticeDraft, 'citation' | 'checklist'>): KnownBlock[] {
  if (draft.checklist.length === 0) return draft.citation ? [context(`Answers ${escapeMrkdwn(draft.citation)}.`)] : [];
  const open = draft.checklist.filter((i) => !i.complete).length;
  const lines = draft.checklist.map((i) =>
    i.complete ? `:white_check_mark: ${escapeMrkdwn(elementText(i))}` : `:white_square: ${escapeMrkdwn(elementText(i))}: ${escapeMrkdwn(i.missing.join(', '))}`,
  );
  const head = `*Required by ${escapeMrkdwn(draft.citation ?? 'this template')}*: ${open === 0 ? 'all present' : `${open} of ${draft.checklist.length} still to complete`}. Replace each placeholder in the text; a stage cannot be marked submitted while one is left, unless an approver overrides with a reason.`;
  return [section([head, ...lines].join('\n'))];
}

/** The draft, editable, with the stage it answers. `private_metadata` carries the incident and the template. */
export function noticeModal(draft: NoticeDraft): ModalView {
  const chosen = draft.stages.slice(0, 100).find((s) => s.ref === draft.stage);
  const stageBlock: KnownBlock[] =
    draft.stages.length === 0
      ? [context('No stage to pick: this incident owes no open notification stage. Apply a regime first if this notice answers one.')]
      : [
          {
            type: 'input',
            block_id: NOTICE_INPUTS.stage,
            optional: true,
            label: plain('Notification stage this notice is for', 2000),
            element: {
              type: 'static_select',
              action_id: NOTICE_INPUTS.stage,
              placeholder: plain('Pick a stage (optional)', 150),
              options: draft.stages.slice(0, 100).map(stageOption),
              ...(chosen ? { initial_option: stageOption(chosen) } : {}),
            },
          },
        ];
  return {
    type: 'modal',
    callback_id: NOTICE_VIEWS.draft,
    private_metadata: JSON.stringify({ incidentId: draft.incidentId, template: draft.template }),
    title: plain('Draft notice', 24),
    submit: plain('Save draft', 24),
    close: plain('Cancel', 24),
    blocks: [
      context(`Template \`${draft.template}\` for *${draft.incidentId}*. \`[to complete: …]\` marks a fact nobody has written yet. Saving posts the draft for approval.`),
      ...checklistBlocks(draft),
      ...stageBlock,
      {
        type: 'input',
        block_id: NOTICE_INPUTS.text,
        label: plain('Notice text', 2000),
        element: { type: 'plain_text_input', action_id: NOTICE_INPUTS.text, multiline: true, max_length: MAX_NOTICE, initial_value: truncate(escapeMrkdwn(draft.text), MAX_NOTICE) },
      },
    ],
  };
}

const stageOption = (s: { ref: string; label: string }) => ({ text: plain(s.label, 75), value: s.ref.slice(0, 150) });

/** The approval request in the incident channel, showing the decision once there is one. */
/** `approvers` are Slack mentions (`<@U…>`, `<!subteam^S…>`). */
export function approvalMessage(notice: Notice, approvers: readonly string[], checklist: readonly ChecklistItem[] = []): SlackMessage {
  const forWhat = notice.regimeId && notice.stageId ? ` for \`${notice.regimeId}:${notice.stageId}\`` : '';
  const title = `Notice #${notice.id}${forWhat}: ${notice.status === 'pending' ? 'waiting for approval' : notice.status === 'approved' ? 'approved' : 'changes requested'}`;
  const blocks: KnownBlock[] = [
    section(`:envelope: *${title}*`),
    context(`Template \`${escapeMrkdwn(notice.template)}\` · drafted by ${mention(notice.draftedBy)} ${slackDate(notice.draftedAt)}`),
    ...quotedParts(notice.text).map(section),
  ];
  if (notice.status === 'pending') {
    blocks.push(...checklistBlocks({ citation: null, checklist: [...checklist] }));
    blocks.push(context(`Approvers: ${approvers.length ? approvers.join(', ') : 'none configured (set permissions.approvers or admins in warden.yaml)'}; never the drafter.`));
    blocks.push({
      type: 'actions',
      block_id: `notice-${notice.id}`,
      elements: [
        { type: 'button', action_id: NOTICE_ACTIONS.approve, style: 'primary', text: plain('Approve', 75), value: String(notice.id) },
        { type: 'button', action_id: NOTICE_ACTIONS.changes, text: plain('Request changes', 75), value: String(notice.id) },
      ],
    });
  } else if (notice.status === 'approved') {
    const next = forWhat ? ` Once sent: \`/incident submitted ${notice.regimeId}:${notice.stageId} &lt;reference&gt;\`.` : '';
    blocks.push(context(`:white_check_mark: Approved by ${mention(notice.decidedBy ?? '')} ${slackDate(notice.decidedAt ?? notice.draftedAt)}.${next}`));
  } else {
    blocks.push(context(`:leftwards_arrow_with_hook: ${mention(notice.decidedBy ?? '')} asked for changes ${slackDate(notice.decidedAt ?? notice.draftedAt)}. Draft a new version with \`/incident notify ${escapeMrkdwn(notice.template)}\`.`));
  }
  return { text: title, blocks: blocks.slice(0, 50) };
}

const QUOTE_MAX = 3_000;

/**
 * The notice as block quotes, each within a section's 3,000 characters once escaped (`&` alone becomes five):
 * approvers must see every character they approve. Cut after a space where there is one, never inside an entity.
 */
function quotedParts(text: string): string[] {
  const parts: string[] = [];
  let part = '>';
  for (const ch of text) {
    const piece = ch === '\n' ? '\n>' : escapeMrkdwn(ch);
    if (part.length + piece.length > QUOTE_MAX) {
      const space = part.lastIndexOf(' ');
      const cut = space > QUOTE_MAX / 2 ? space + 1 : part.length;
      parts.push(part.slice(0, cut));
      part = `>${part.slice(cut)}`;
    }
    part += piece;
  }
  parts.push(part);
  return parts;
}

export interface NotNotifiableTarget {
  incidentId: string;
  ref: string;
  regimeName: string;
  recipient: string;
  condition: string | null;
}

/** Asks an approver for the rationale of a "not notifiable" decision. */
export function notNotifiableModal(t: NotNotifiableTarget): ModalView {
  const lines = [`*${escapeMrkdwn(t.regimeName)}* · \`${t.ref}\` → ${escapeMrkdwn(t.recipient)}`, 'Record why this stage need not be notified. The rationale is kept in the audit log and its reminders stop.'];
  if (t.condition) lines.push(`Applies if: ${escapeMrkdwn(t.condition)}`);
  return {
    type: 'modal',
    callback_id: NOTICE_VIEWS.notNotifiable,
    private_metadata: JSON.stringify({ incidentId: t.incidentId, ref: t.ref }),
    title: plain('Not notifiable', 24),
    submit: plain('Record decision', 24),
    close: plain('Cancel', 24),
    blocks: [
      section(lines.join('\n')),
      {
        type: 'input',
        block_id: NOTICE_INPUTS.reason,
        label: plain('Rationale', 2000),
        element: { type: 'plain_text_input', action_id: NOTICE_INPUTS.reason, multiline: true, max_length: MAX_RATIONALE },
      },
    ],
  };
}
