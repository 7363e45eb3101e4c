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
import { elementText, incomplete, type ChecklistItem } from '../../domain/notices/required-elements.js';
import type { Notice } from '../../domain/notices/notice.js';
import type { Incident } from '../../../incidents/index.js';
import { accessViewOf } from '../../../incidents/index.js';
import { noticeChecklist } from './notice-checklist.js';

export const MAX_REFERENCE = 200;
export const MAX_OVERRIDE_REASON = 500;
export const SUBMITTED_USAGE = '/incident submitted regime:stage reference [--override "reason"]';

/** A recorded submission, and the required elements an approver let through incomplete (empty: none). */
export type RecordedSubmission = StageSubmission & { overridden: string[] };

/**
 * Records that a stage's notification went out: when, the recipient's reference, and the text sent (the
 * latest approved draft for that stage, with its drafter and approver, if there is one). The stage turns
 * submitted, its reminders stop and stages chained on it (`stage:x.submitted`) start, in one transaction.
 * An approved draft still lacking a required element is refused, unless an approver overrides with a reason,
 * which the audit log keeps with the elements let through.
 * @throws WardenError for a missing reference, an unknown stage, a stage already submitted or decided, or an
 *   incomplete notice; AccessDenied for an override by someone who may not approve notices.
 */
export function recordSubmission(deps: ClockDeps, actor: Actor, incidentId: string, stageText: string, referenceText: string, overrideReason: string | null = null): RecordedSubmission {
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
    const missing = approved ? incomplete(noticeChecklist(deps.templates, approved)) : [];
    const override = missing.length > 0 ? requireOverride(deps, actor, incident, { ref, notice: approved as Notice, missing, reason: overrideReason }) : null;
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
      text: `Submitted ${ref}, reference ${reference}${approved ? ` (notice #${approved.id})` : ' (no approved draft on record)'}${late ? ', after its due time' : ''}${override ? `; an approver overrode ${override.missing.length} incomplete required element(s)` : ''}`,
      data: {
        regimeId: submission.regimeId,
        stageId: submission.stageId,
        reference,
        noticeId: submission.noticeId,
        draftedBy: submission.draftedBy,
        approvedBy: submission.approvedBy,
        textSha256: approved ? sha256(approved.text) : null,
        late,
        ...(override ? { override } : {}),
      },
    });
    enqueueClockPost(store, now, incident.id, { kind: 'channel' }, { type: 'submitted', regimeId: submission.regimeId, stageId: submission.stageId, reference, by: actor.userId, late, noticeId: submission.noticeId });
    rescheduleClockReminders(deps, incident.id, now);
    return { ...submission, overridden: override?.missing ?? [] };
  });
}

interface Incomplete {
  ref: string;
  notice: Notice;
  missing: readonly ChecklistItem[];
  reason: string | null;
}

/**
 * Lets an incomplete notice through only with a reason from someone who may approve notices.
 * @throws WardenError('conflict') naming the missing elements when there is no reason; AccessDenied otherwise.
 */
function requireOverride(deps: ClockDeps, actor: Actor, incident: Incident, c: Incomplete): { by: string; reason: string; missing: string[] } {
  const reason = c.reason?.trim() ?? '';
  const missing = c.missing.map(elementText);
  if (!reason) {
    const list = c.missing.map((i) => `• ${elementText(i)}${i.missing.length ? `: ${i.missing.join(', ')}` : ''}`).join('\n');
    throw new WardenError(
      'conflict',
      `Approved notice #${c.notice.id} for ${c.ref} still has ${missing.length} required element(s) to complete:\n${list}\nComplete them in a new draft (\`/incident notify ${c.notice.template}\`) and have it approved, or, as an approver, record the submission anyway with your reason: \`/incident submitted ${c.ref} REFERENCE --override "why"\`.`,
      { noticeId: c.notice.id, missing },
    );
  }
  if (reason.length > MAX_OVERRIDE_REASON) throw new WardenError('bad_input', `The override reason is ${reason.length} characters; keep it under ${MAX_OVERRIDE_REASON}.`);
  deps.access.require('notice:approve', actor.userId, accessViewOf(incident));
  return { by: actor.userId, reason, missing };
}
