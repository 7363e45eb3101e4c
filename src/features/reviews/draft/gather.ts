/**
 * Gathers the facts of a post-incident review from what the other features recorded: the incident, its
 * timeline (and the severity and role history in it), the legal clocks with each stage's outcome, the notices,
 * the playbook checklist and the action items. Reads only; `now` is a parameter.
 */
import { WardenError } from '../../../platform/errors.js';
import type { Incident, TimelineEntry } from '../../incidents/index.js';
import type { LegalRecord, StageDeadline } from '../../notifications/index.js';
import type { ChecklistModel } from '../../playbooks/index.js';
import { INCIDENT_FACT_KEYS, type ActionItemsPort, type NoticeFacts, type PlaybookFacts, type RegimeFacts, type ReviewFacts, type ReviewInfo, type StageFacts } from './facts.js';
import { roleHistory, severityHistory } from './history.js';

const pick = <T, K extends keyof T>(o: T, keys: readonly K[]): Pick<T, K> => Object.fromEntries(keys.map((k) => [k, o[k]])) as Pick<T, K>;

/** Where the facts come from: each a read-only port over another feature (sources.ts builds them from the db). */
export interface ReviewSources {
  incident(id: string): Incident | null;
  timeline(id: string): readonly TimelineEntry[];
  /** The legal record at `now` (notifications' `legalRecordOf(db, catalog)`). */
  legal(id: string, now: Date): LegalRecord;
  /** The running playbook's checklist at `now`, null when none runs (playbooks' `checklistReaderOf`). */
  checklist(incident: Incident, now: Date): ChecklistModel | null;
  actionItems: ActionItemsPort;
}

/**
 * The facts of the review of `incidentId` as of `now`.
 * @throws WardenError('not_found') for an unknown incident.
 */
export function gatherReviewFacts(sources: ReviewSources, incidentId: string, now: Date, review: ReviewInfo | null = null): ReviewFacts {
  const incident = sources.incident(incidentId);
  if (!incident) throw new WardenError('not_found', `No incident ${incidentId}.`);
  const entries = sources.timeline(incident.id);
  const declared = { at: incident.declaredAt, by: incident.declaredBy };
  const legal = sources.legal(incident.id, now);
  return {
    generatedAt: now,
    incident: pick(incident, INCIDENT_FACT_KEYS),
    review,
    severityHistory: severityHistory(entries, declared, incident.severity),
    roles: roleHistory(entries, declared),
    timeline: entries.map((e) => ({ at: e.at, kind: e.kind, actor: e.actor, text: e.text })),
    regimes: legal.regimes.map((r) => ({
      id: r.entry.regime.id,
      name: r.entry.regime.name,
      citation: r.entry.regime.citation,
      proposed: r.entry.regime.status === 'proposed',
      stages: r.stages.map((s) => stageFacts(s, now)),
    })) satisfies RegimeFacts[],
    notices: noticeFacts(legal),
    playbook: playbookFacts(sources.checklist(incident, now)),
    actionItems: [...sources.actionItems(incident.id)].sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime()),
  };
}

/** How a stage ended or stands at `now`: met or missed by how much once submitted, else its running state. */
export function stageFacts(s: StageDeadline, now: Date): StageFacts {
  const base = { stageId: s.stageId, recipient: s.recipient, due: s.due, dueKind: s.dueKind, submittedAt: s.submittedAt, waitingFor: s.waitingFor, notNotifiableReason: null };
  const ms = (a: Date, b: Date) => Math.abs(a.getTime() - b.getTime());
  if (s.status === 'not_notifiable') return { ...base, outcome: 'not_notifiable', marginMs: null, notNotifiableReason: s.notNotifiable?.reason ?? null };
  if (s.submittedAt && s.due) {
    const met = s.submittedAt.getTime() <= s.due.getTime();
    return { ...base, outcome: met ? 'met' : 'missed', marginMs: ms(s.due, s.submittedAt) };
  }
  if (s.submittedAt) return { ...base, outcome: 'submitted', marginMs: null };
  if (s.status === 'waiting') return { ...base, outcome: 'waiting', marginMs: null };
  if (!s.due) return { ...base, outcome: 'no_deadline', marginMs: null };
  const overdue = s.due.getTime() < now.getTime();
  return { ...base, outcome: overdue ? 'overdue' : 'open', marginMs: ms(s.due, now) };
}

/** Submissions first (what was sent), then drafts that no submission used. */
function noticeFacts(legal: LegalRecord): NoticeFacts[] {
  const byId = new Map(legal.notices.map((n) => [n.id, n]));
  const stageRef = (regimeId: string | null, stageId: string | null) => (regimeId && stageId ? `${regimeId}:${stageId}` : null);
  const sent = legal.submissions.map((s): NoticeFacts => {
    const notice = s.noticeId === null ? undefined : byId.get(s.noticeId);
    return {
      noticeId: s.noticeId,
      stage: stageRef(s.regimeId, s.stageId),
      template: notice?.template ?? null,
      draftedBy: s.draftedBy ?? notice?.draftedBy ?? null,
      draftedAt: notice?.draftedAt ?? null,
      approvedBy: s.approvedBy,
      approvedAt: notice?.status === 'approved' ? notice.decidedAt : null,
      text: s.finalText,
      status: 'submitted',
      submittedAt: s.submittedAt,
      submittedBy: s.recordedBy,
      reference: s.reference,
    };
  });
  const used = new Set(legal.submissions.map((s) => s.noticeId));
  const drafts = legal.notices
    .filter((n) => !used.has(n.id))
    .map((n): NoticeFacts => ({
      noticeId: n.id,
      stage: stageRef(n.regimeId, n.stageId),
      template: n.template,
      draftedBy: n.draftedBy,
      draftedAt: n.draftedAt,
      approvedBy: n.status === 'approved' ? n.decidedBy : null,
      approvedAt: n.status === 'approved' ? n.decidedAt : null,
      text: n.text,
      status: n.status,
      submittedAt: null,
      submittedBy: null,
      reference: null,
    }));
  return [...sent, ...drafts];
}

function playbookFacts(model: ChecklistModel | null): PlaybookFacts | null {
  if (!model) return null;
  return {
    name: model.playbookName,
    steps: model.phases.flatMap((p) =>
      p.steps.map((s) => ({
        title: s.title,
        phase: p.name,
        status: s.status,
        by: s.by,
        at: s.at,
        evidence: s.evidence,
        reason: s.reason,
        assignee: s.assignee,
        dueAt: s.dueAt,
        overdue: s.overdue,
      })),
    ),
  };
}
