/** Short playbook notices: the one announcement when a flag change alters the checklist, and the conflict reply. */
import type { KnownBlock } from '@slack/types';
import type { Playbook } from '../../domain/model.js';
import type { FlagChangeEffect } from '../../domain/select.js';
import type { StepConflict } from '../../domain/step-state.js';
import { clipMrkdwn } from './playbook-text.js';
import { escapeMrkdwn, mention, slackDate } from '../../../../adapters/slack/escape.js';

/** The channel announcement for a flag change, or null when the checklist did not change. */
export function flagChangeNotice(playbook: Playbook, effect: FlagChangeEffect): { text: string; blocks: KnownBlock[] } | null {
  if (effect.appeared.length === 0 && effect.left.length === 0) return null;
  const titleOf = (id: string) => escapeMrkdwn(playbook.steps.find((s) => s.id === id)?.title ?? id);
  const lines: string[] = [];
  if (effect.appeared.length > 0) {
    lines.push(`*${plural(effect.appeared.length, 'step')} added:*`, ...effect.appeared.map((id) => `• ${titleOf(id)}`));
  }
  if (effect.left.length > 0) {
    lines.push(`*${plural(effect.left.length, 'step')} no longer ${effect.left.length === 1 ? 'applies' : 'apply'}:*`, ...effect.left.map((id) => `• ${titleOf(id)}`));
  }
  const text = `Playbook ${playbook.name} changed with the incident's flags: +${effect.appeared.length} / -${effect.left.length} steps`;
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: clipMrkdwn(`:arrows_counterclockwise: ${lines.join('\n')}`, 3000) } }] };
}

/** The ephemeral reply to a click on a step someone else closed first: who and when, in the reader's zone. */
export function conflictNotice(conflict: StepConflict): string {
  return `Already ${conflict.status} by ${mention(conflict.by)} at ${slackDate(conflict.at)}.`;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
