import { formatUtc } from '../../domain/deadlines/format-instant.js';
import { WardenError } from '../../../../platform/errors.js';
import type { StageSubmission } from '../../domain/records.js';
import type { Actor } from '../../../incidents/index.js';
import { recordChange, requireIncident } from '../../../incidents/index.js';
import type { ClockDeps } from '../clocks/clock-deps.js';
import { enqueueClockPost } from '../clocks/clock-outbox.js';
import { rescheduleClockReminders } from '../clocks/clock-reminders.js';
import { findStage, incidentDeadlines, stageRefText } from '../clocks/incident-deadlines.js';
import { sha256 } from './draft-notice.js';

export const MAX_REFERENCE = 200;
export const SUBMITTED_USAGE = '/incident submitted regime:stage reference';

/**
 * Records that a stage's notification went out: when, the recipient's reference, and the text sent (the
 * latest approved draft for that stage, with its drafter and approver, if there is one). The stage turns
 * submitted, its reminders stop and stages chained on it (`stage:x.submitted`) start, in one transaction.
 * @throws WardenError for a missing reference, an unknown stage, or a stage already submitted or decided.
 */
export function recordSubmission(deps: ClockDeps, actor: Actor, incidentId: string, stageText: string, referenceText: string): StageSubmission {
  const reference = referenceText.trim();
  const { store } = deps;
  return store.transaction(() => {
    const incident = requireIncident(store, incidentId);
    if (incident.status === 'closed') throw new WardenError('refused_transition', `${incident.id} is closed.`);
    const now = deps.clock.now();
    const { regime, stage } = findStage(incidentDeadlines(deps, incident.id, now), stageText, SUBMITTED_USAGE);
    const ref = stageRefText({ regimeId: regime.entry.regime.id, stageId: stage.stageId });
    if (stage.status === 'submitted') throw new WardenError('conflict', `${ref} was already submitted at ${formatUtc(stage.submittedAt as Date)}.`);
    if (stage.status === 'not_notifiable') throw new WardenError('conflict', `${ref} is recorded as not notifiable.`);
    if (!reference) throw new WardenError('bad_input', `Give the recipient's reference (case number, ticket, e-mail subject): \`/incident submitted ${ref} DPC-2026-1234\`.`);
    if (reference.length > MAX_REFERENCE) throw new WardenError('bad_input', `The reference is ${reference.length} characters; keep it under ${MAX_REFERENCE}.`);
    const approved = deps.notices.latestApproved(incident.id, regime.entry.regime.id, stage.stageId);
    const submission: StageSubmission = {
      regimeId: regime.entry.regime.id,
      stageId: stage.stageId,
      submittedAt: now,
      recordedBy: actor.userId,
      reference,
      noticeId: approved?.id ?? null,
      finalText: approved?.text ?? null,
      draftedBy: approved?.draftedBy ?? null,
      approvedBy: approved?.decidedBy ?? null,
    };
    deps.clocks.addSubmission(incident.id, submission);
    const late = stage.due !== null && now.getTime() > stage.due.getTime();
    recordChange(store, {
      incidentId: incident.id,
      actor: actor.userId,
      at: now,
      kind: 'notice',
      action: 'notice.submitted',
      text: `Submitted ${ref}, reference ${reference}${approved ? ` (notice #${approved.id})` : ' (no approved draft on record)'}${late ? ', after its due time' : ''}`,
      data: {
        regimeId: submission.regimeId,
        stageId: submission.stageId,
        reference,
        noticeId: submission.noticeId,
        draftedBy: submission.draftedBy,
        approvedBy: submission.approvedBy,
        textSha256: approved ? sha256(approved.text) : null,
        late,
      },
    });
    enqueueClockPost(store, now, incident.id, { kind: 'channel' }, { type: 'submitted', regimeId: submission.regimeId, stageId: submission.stageId, reference, by: actor.userId, late, noticeId: submission.noticeId });
    rescheduleClockReminders(deps, incident.id, now);
    return submission;
  });
}
