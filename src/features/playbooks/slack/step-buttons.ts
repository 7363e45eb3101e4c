import type { View } from '@slack/types';
import type { Click, SlackListeners } from '../../../adapters/slack/listeners.js';
import type { StepRef } from '../app/deps.js';
import { markStepDone } from '../app/mark-step.js';
import { requireRunning, requireVisibleStep } from '../app/running.js';
import { snoozeStep } from '../app/snooze-step.js';
import { formatDuration } from '../../../platform/duration.js';
import { WardenError } from '../../../platform/errors.js';
import { accessViewOf } from '../../incidents/index.js';
import type { ChecklistStep } from '../domain/checklist-model.js';
import { PLAYBOOK_ACTIONS } from './blocks/playbook-checklist.js';
import { assignModal, evidenceModal, skipReasonModal } from './blocks/playbook-modals.js';
import { conflictNotice } from './blocks/playbook-notices.js';
import { decodeStepRef } from './blocks/playbook-text.js';
import { slackDate } from '../../../adapters/slack/escape.js';
import { PLAYBOOK_DM_ACTIONS, SNOOZE_BUTTON_MS } from './playbook-messages.js';
import type { PlaybookSlackDeps } from './slack-deps.js';

const INCIDENT_ID = /^INC-\d{4}-\d{4,}$/;
const STEP_ID = /^[a-z0-9][a-z0-9_-]{0,47}$/;

/**
 * A button value or modal metadata as Warden wrote it, or null. Ids are checked for shape too, so nothing
 * a forger typed is ever echoed back into a Slack message.
 */
export function readStepRef(value: string | undefined | null): StepRef | null {
  const ref = decodeStepRef(value);
  return ref && INCIDENT_ID.test(ref.incidentId) && STEP_ID.test(ref.stepId) ? ref : null;
}

const NOT_OURS = 'That button is not one Warden made, or it is out of date. Use `/incident playbook` in the incident channel.';

/** "Already done by ... at ..." for a click on a step someone closed first. */
export function closedNotice(step: ChecklistStep): string | null {
  if (step.status === 'open') return null;
  return `${conflictNotice({ stepId: step.id, status: step.status, by: step.by ?? 'unknown', at: step.at ?? new Date(0), message: '' })} Nothing was changed.`;
}

/**
 * The checklist buttons (Done, Skip, Assign) and the nag DM's "Snooze 1h". The wrapper acks each click
 * first; the handler then does its work and answers the clicker alone: a conflict, a bad button, or a
 * confirmation. A modal opened here still has a fresh trigger_id.
 */
export function registerStepButtons(on: SlackListeners, deps: PlaybookSlackDeps): void {
  /**
   * The step a checklist button points at, refused unless clicked in that incident's own channel by one of
   * its members (Slack shows a public channel to people who have not joined it).
   */
  function clickedStep(click: Click, anyChannel = false) {
    const ref = readStepRef(click.value);
    if (!ref) throw new WardenError('bad_input', NOT_OURS);
    const running = requireRunning(deps, ref.incidentId);
    if (!anyChannel && running.incident.channelId !== click.channelId) throw new WardenError('bad_input', NOT_OURS);
    const step = requireVisibleStep(deps, running, ref.stepId, deps.clock.now());
    // A nag's DM button (anyChannel) counts its recipient, the step's assignee, as one of the incident's people.
    const member = deps.store.incidents.isMember(running.incident.id, click.userId) || (anyChannel && step.assignee === click.userId);
    deps.access.require('playbook:step', click.userId, accessViewOf(running.incident, member));
    return { ref, step };
  }

  const openModal = async (click: Click, view: View) => {
    await click.slack.views.open({ trigger_id: click.triggerId, view });
    return null;
  };

  on.action(PLAYBOOK_ACTIONS.done, async (a) => {
    const { ref, step } = clickedStep(a);
    const closed = closedNotice(step);
    if (closed) return closed;
    if (step.evidenceLevel === 'required') return openModal(a, evidenceModal(ref.incidentId, step));
    const outcome = markStepDone(deps, { userId: a.userId }, ref);
    if (!outcome.ok) return `${conflictNotice(outcome.conflict)} Nothing was changed.`;
    return null;
  });

  on.action(PLAYBOOK_ACTIONS.skip, async (a) => {
    const { ref, step } = clickedStep(a);
    return closedNotice(step) ?? openModal(a, skipReasonModal(ref.incidentId, step));
  });

  on.action(PLAYBOOK_ACTIONS.assign, async (a) => {
    const { ref, step } = clickedStep(a);
    return closedNotice(step) ?? openModal(a, assignModal(ref.incidentId, step));
  });

  on.action(PLAYBOOK_DM_ACTIONS.snooze, async (a) => {
    const { ref } = clickedStep(a, true);
    const until = snoozeStep(deps, { userId: a.userId }, ref, SNOOZE_BUTTON_MS);
    return `Snoozed for ${formatDuration(SNOOZE_BUTTON_MS)}: the next reminder comes after ${slackDate(until)}.`;
  });
}
