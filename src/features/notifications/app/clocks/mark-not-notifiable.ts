import { WardenError } from '../../../../platform/errors.js';
import type { Actor } from '../../../incidents/index.js';
import { recordChange, requireIncident } from '../../../incidents/index.js';
import { accessViewOf } from '../../../incidents/index.js';
import type { ClockDeps } from './clock-deps.js';
import { enqueueClockPost } from './clock-outbox.js';
import { rescheduleClockReminders } from './clock-reminders.js';
import { findStage, incidentDeadlines, stageRefText } from './incident-deadlines.js';
import { refuseIfClosed } from '../../../incidents/index.js';

export const MAX_RATIONALE = 1_000;
export const NOT_NOTIFIABLE_USAGE = '/incident notnotifiable regime:stage rationale';

/**
 * Records the documented decision that a stage need not be notified (GDPR Art 33(5) asks for exactly this
 * record). Only an approver (else a Warden admin) may decide; the stage's reminders stop in the same transaction.
 * @throws WardenError for a missing rationale, an unknown stage, a stage already decided or submitted, or a non-approver.
 */
export function markNotNotifiable(deps: ClockDeps, actor: Actor, incidentId: string, stageText: string, rationale: string): string {
  const reason = rationale.trim();
  const { store } = deps;
  return store.transaction(() => {
    const incident = requireIncident(store, incidentId);
    refuseIfClosed(incident);
    deps.access.require('/incident notnotifiable', actor.userId, accessViewOf(incident));
    const now = deps.clock.now();
    const { regime, stage } = findStage(incidentDeadlines(deps, incident.id, now), stageText, NOT_NOTIFIABLE_USAGE);
    const ref = stageRefText({ regimeId: regime.entry.regime.id, stageId: stage.stageId });
    if (!reason) throw new WardenError('bad_input', `Give the rationale, e.g. \`/incident notnotifiable ${ref} Encrypted laptop, key not compromised: unlikely to result in a risk\`.`);
    if (reason.length > MAX_RATIONALE) throw new WardenError('bad_input', `The rationale is ${reason.length} characters; keep it under ${MAX_RATIONALE}.`);
    if (stage.status === 'submitted') throw new WardenError('conflict', `${ref} was already submitted.`);
    if (stage.status === 'not_notifiable') throw new WardenError('conflict', `${ref} is already recorded as not notifiable.`);
    deps.clocks.addDecision(incident.id, { regimeId: regime.entry.regime.id, stageId: stage.stageId, reason, decidedBy: actor.userId, decidedAt: now });
    recordChange(store, {
      incidentId: incident.id,
      actor: actor.userId,
      at: now,
      kind: 'clock_event',
      action: 'clock.not_notifiable',
      text: `Not notifiable: ${ref}. Rationale: ${reason}`,
      data: { regimeId: regime.entry.regime.id, stageId: stage.stageId, reason },
    });
    enqueueClockPost(store, now, incident.id, { kind: 'channel' }, { type: 'not_notifiable', regimeId: regime.entry.regime.id, stageId: stage.stageId, reason, by: actor.userId });
    rescheduleClockReminders(deps, incident.id, now);
    return ref;
  });
}

/**
 * Before the rationale form opens: checks that the person may decide and the stage is still owed, and
 * returns what the form shows. Nothing is stored.
 */
export function notNotifiablePrompt(deps: ClockDeps, actor: Actor, incidentId: string, stageText: string) {
  const incident = requireIncident(deps.store, incidentId);
  deps.access.require('/incident notnotifiable', actor.userId, accessViewOf(incident));
  const { regime, stage } = findStage(incidentDeadlines(deps, incident.id, deps.clock.now()), stageText, NOT_NOTIFIABLE_USAGE);
  const ref = stageRefText({ regimeId: regime.entry.regime.id, stageId: stage.stageId });
  if (stage.status === 'submitted' || stage.status === 'not_notifiable') throw new WardenError('conflict', `${ref} is already ${stage.status === 'submitted' ? 'submitted' : 'recorded as not notifiable'}.`);
  return { incidentId: incident.id, ref, regimeName: regime.entry.regime.name, recipient: stage.recipient, condition: stage.condition };
}
