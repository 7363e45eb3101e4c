import { WardenError } from '../../../../platform/errors.js';
import type { Notice } from '../../domain/notices/notice.js';
import type { Actor } from '../../../incidents/index.js';
import { recordChange, requireIncident } from '../../../incidents/index.js';
import { accessViewOf } from '../../../incidents/index.js';
import type { ClockDeps } from '../clocks/clock-deps.js';
import { enqueueApprovalMessage } from '../clocks/clock-outbox.js';

export const NOTICE_DECISIONS = ['approved', 'changes_requested'] as const;
export type NoticeDecision = (typeof NOTICE_DECISIONS)[number];

/**
 * An approver approves a pending draft, or asks for changes. Four eyes: the drafter never approves their
 * own notice. The approval request in the channel is updated to show the decision.
 * @throws WardenError('not_allowed') for a non-approver or the drafter; ('conflict') when already decided.
 */
export function decideNotice(deps: ClockDeps, actor: Actor, noticeId: number, decision: NoticeDecision): Notice {
  const { store } = deps;
  return store.transaction(() => {
    const notice = deps.notices.get(noticeId);
    if (!notice) throw new WardenError('not_found', `No notice #${noticeId}.`);
    const incident = requireIncident(store, notice.incidentId);
    const permission = decision === 'approved' ? 'notice:approve' : 'notice:changes';
    deps.access.require(permission, actor.userId, accessViewOf(incident));
    if (decision === 'approved') deps.access.requireSecondPerson(permission, actor.userId, notice.draftedBy, incident.id, `You drafted notice #${notice.id}; another approver must approve it.`);
    if (notice.status !== 'pending') {
      throw new WardenError('conflict', `Notice #${notice.id} was already ${notice.status === 'approved' ? 'approved' : 'sent back for changes'} by <@${notice.decidedBy ?? ''}>.`);
    }
    const now = deps.clock.now();
    if (!deps.notices.decide(notice.id, decision, actor.userId, now)) throw new WardenError('conflict', `Notice #${notice.id} was decided a moment ago.`);
    recordChange(store, {
      incidentId: incident.id,
      actor: actor.userId,
      at: now,
      kind: 'notice',
      action: decision === 'approved' ? 'notice.approved' : 'notice.changes_requested',
      text: decision === 'approved' ? `Notice #${notice.id} approved` : `Changes requested to notice #${notice.id}`,
      data: { noticeId: notice.id, draftedBy: notice.draftedBy, regimeId: notice.regimeId, stageId: notice.stageId },
    });
    enqueueApprovalMessage(store, now, incident.id, notice.id);
    return deps.notices.get(notice.id) as Notice;
  });
}
