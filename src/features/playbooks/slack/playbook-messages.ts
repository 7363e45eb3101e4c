/**
 * Pure builders for the playbook messages beyond the checklist itself: channel notices, the nag and
 * assignment DMs, the retired-checklist text, the conflict modal and the `/incident playbook` replies.
 */
import type { KnownBlock, ModalView } from '@slack/types';
import type { PlaybookDm, PlaybookNotice } from '../app/deps.js';
import type { Incident } from '../../incidents/index.js';
import { INCIDENT_FLAGS } from '../../incidents/index.js';
import type { ChecklistModel } from '../domain/checklist-model.js';
import type { Playbook } from '../domain/model.js';
import type { StepConflict } from '../domain/step-state.js';
import type { SlackMessage } from '../../incidents/index.js';
import { conflictNotice, flagChangeNotice } from './blocks/playbook-notices.js';
import { clipMrkdwn, encodeStepRef } from './blocks/playbook-text.js';
import { channelLink, escapeMrkdwn, mention, slackDate } from '../../../adapters/slack/escape.js';

export const PLAYBOOK_DM_ACTIONS = { snooze: 'playbook.snooze' } as const;
export const SNOOZE_BUTTON_MS = 3_600_000;

const section = (text: string): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text: clipMrkdwn(text, 3000) } });
const message = (text: string, extra: KnownBlock[] = []): SlackMessage => ({ text: clipMrkdwn(text, 3000), blocks: [section(text), ...extra] });
const name = (p: Playbook | null, id: string) => escapeMrkdwn(p?.name ?? id);

/** The one channel announcement of a playbook change. `find` looks a playbook up by id. */
export function noticeMessage(n: PlaybookNotice, find: (id: string) => Playbook | null): SlackMessage | null {
  const playbook = find(n.playbookId);
  switch (n.type) {
    case 'attached':
      return message(`:clipboard: Playbook *${name(playbook, n.playbookId)}* now runs for *${n.incidentId}* (attached by ${n.by === 'warden' ? 'Warden' : mention(n.by)}). The checklist follows.`);
    case 'switched':
      return message(
        `:twisted_rightwards_arrows: ${n.by === 'warden' ? 'Warden' : mention(n.by)} switched the playbook of *${n.incidentId}* from *${name(find(n.previousId), n.previousId)}* to *${name(playbook, n.playbookId)}*${n.by === 'warden' ? ', which fits the new flags' : ''}. The old checklist is retired; the new one follows.`,
      );
    case 'flags_changed': {
      if (!playbook) return null;
      const notice = flagChangeNotice(playbook, { appeared: n.appeared, left: n.left });
      if (!notice) return null;
      const on = n.after.filter((f) => !n.before.includes(f)).map((f) => `+${f}`);
      const off = n.before.filter((f) => !n.after.includes(f)).map((f) => `-${f}`);
      const context: KnownBlock = { type: 'context', elements: [{ type: 'mrkdwn', text: `Flags ${[...on, ...off].join(' ')} by ${mention(n.by)}` }] };
      return { text: notice.text, blocks: [...notice.blocks, context] };
    }
  }
}

/** A nag or an assignment, by DM. The nag carries a "Snooze 1h" button. */
export function dmMessage(dm: PlaybookDm, incident: Incident, stepTitle: string): SlackMessage {
  const where = incident.channelId ? channelLink(incident.channelId) : incident.id;
  const title = escapeMrkdwn(stepTitle);
  if (dm.type === 'assigned') {
    return message(`:bust_in_silhouette: ${mention(dm.by)} assigned you *${title}* on *${incident.id}* in ${where}. Tick it off there when it is done.`);
  }
  const text = `:alarm_clock: *${title}* on *${incident.id}* was due ${slackDate(new Date(dm.dueAt))} and is still open. You own it: tick it off (or skip it with a reason) in ${where}. Reminder ${dm.nth} of ${dm.max}.`;
  const snooze: KnownBlock = {
    type: 'actions',
    block_id: 'playbook.nag',
    elements: [
      { type: 'button', action_id: PLAYBOOK_DM_ACTIONS.snooze, text: { type: 'plain_text', text: 'Snooze 1h' }, value: encodeStepRef({ incidentId: incident.id, stepId: dm.stepId }) },
    ],
  };
  return message(text, [snooze]);
}

/** What an old checklist message says once another playbook replaced it (its buttons go away). */
export function retiredChecklist(current: Playbook | null): SlackMessage {
  return message(`:card_index_dividers: _This checklist was replaced: the incident now runs playbook *${escapeMrkdwn(current?.name ?? 'another playbook')}* (below)._`);
}

/** The modal shown instead of a submission that lost the race: who closed the step first, and when. */
export function conflictModal(conflict: StepConflict): ModalView {
  return {
    type: 'modal',
    title: { type: 'plain_text', text: 'Already closed' },
    close: { type: 'plain_text', text: 'OK' },
    blocks: [section(`${conflictNotice(conflict)} Nothing was changed.`)],
  };
}

/** `/incident playbook`: which playbook runs, the progress, and the open steps with their ids. */
export function statusText(model: ChecklistModel): string {
  const { done, skipped, open, total, overdue } = model.progress;
  const head = `*${escapeMrkdwn(model.playbookName)}* (\`${model.playbookId}\`) runs for *${model.incidentId}*: ${done + skipped}/${total} closed (${done} done, ${skipped} skipped), ${open} open${overdue ? `, :warning: ${overdue} overdue` : ''}.`;
  const openSteps = model.phases.flatMap((p) => p.steps).filter((s) => s.status === 'open');
  const lines = openSteps.map((s) => `• \`${s.id}\` ${escapeMrkdwn(s.title)}${s.dueAt ? ` · due ${slackDate(s.dueAt)}${s.overdue ? ' *overdue*' : ''}` : ''}`);
  const usage = 'Tick off with the buttons on the checklist, or `/incident playbook done <step> [evidence]`.';
  return clipMrkdwn([head, ...(lines.length ? ['*Open steps*', ...lines] : []), usage].join('\n'), 3000);
}

/** `/incident playbook list`: every loaded playbook, the running one marked. */
export function catalogText(catalog: readonly Playbook[], runningId: string | null): string {
  if (catalog.length === 0) return 'No playbooks are loaded (see `playbooks.dirs` in warden.yaml).';
  const lines = catalog.map((p) => {
    const applies = [p.appliesTo.types.join('/'), ...(p.appliesTo.flags.length ? [`flags ${p.appliesTo.flags.join('+')}`] : [])].join(', ');
    return `• \`${p.id}\` *${escapeMrkdwn(p.name)}* (${applies}; ${p.steps.length} steps)${p.id === runningId ? ' ← running' : ''}`;
  });
  return clipMrkdwn(['*Playbooks*', ...lines, 'Switch with `/incident playbook <id>`.'].join('\n'), 3000);
}

/** `/incident flag`: each flag, on or off. */
export function flagsText(incident: Incident): string {
  const lines = INCIDENT_FLAGS.map((f) => `• \`${f}\` ${incident.flags.includes(f) ? '*on*' : 'off'}`);
  return [`*Flags of ${incident.id}*`, ...lines, 'Change with `/incident flag <name> on|off`.'].join('\n');
}
