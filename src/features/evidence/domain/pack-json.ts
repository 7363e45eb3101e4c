/**
 * The machine-readable files of an evidence pack, built from the gathered facts. Instants are UTC ISO strings
 * (Date's JSON form); the audit entries are written exactly as stored, one per line. Pure.
 */
import { createHash } from 'node:crypto';
import type { AuditEntry } from '../../audit/index.js';
import type { NoticeFacts } from '../../reviews/index.js';
import type { EvidenceFacts, PackFile } from './evidence-facts.js';
import { marginSeconds, stageSentence } from './stage-outcome.js';

export const AUDIT_ENTRIES_PATH = 'audit/incident-entries.jsonl';

const json = (path: string, value: unknown): PackFile => ({ path, content: `${JSON.stringify(value, null, 2)}\n` });

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** Every JSON file of the pack; review.json and actions.json only when there is a review or an item. */
export function packJsonFiles(e: EvidenceFacts): PackFile[] {
  const id = e.incident.id;
  const f = e.facts;
  const files = [
    json('incident.json', incidentJson(e)),
    json('timeline.json', { incidentId: id, entries: f.timeline }),
    json('roles.json', { incidentId: id, roles: f.roles }),
    json('clocks.json', clocksJson(e)),
    json('notices.json', { incidentId: id, notices: f.notices.map(noticeJson) }),
    json('playbook.json', { incidentId: id, playbook: f.playbook }),
    { path: AUDIT_ENTRIES_PATH, content: auditJsonl(e.audit) },
  ];
  if (e.review) files.push(json('review.json', reviewJson(e)));
  if (f.actionItems.length > 0) files.push(json('actions.json', { incidentId: id, items: f.actionItems }));
  return files;
}

function incidentJson(e: EvidenceFacts) {
  const i = e.incident;
  return {
    ...e.facts.incident,
    flags: i.flags,
    channelName: i.channelName,
    currentRoles: i.roles,
    severityHistory: e.facts.severityHistory,
    pack: { generatedAt: e.generatedAt, wardenVersion: e.wardenVersion, timeZone: e.timeZone },
  };
}

function clocksJson(e: EvidenceFacts) {
  const applied = new Map(e.appliedRegimes.map((r) => [r.regimeId, r]));
  const decision = (regimeId: string, stageId: string) => e.decisions.find((d) => d.regimeId === regimeId && d.stageId === stageId) ?? null;
  return {
    incidentId: e.incident.id,
    events: e.clockEvents.map((c) => ({ event: c.event, at: c.at, recordedBy: c.recordedBy, recordedAt: c.recordedAt })),
    regimes: e.facts.regimes.map((r) => ({
      id: r.id,
      name: r.name,
      citation: r.citation,
      proposed: r.proposed,
      appliedBy: applied.get(r.id)?.appliedBy ?? null,
      appliedAt: applied.get(r.id)?.appliedAt ?? null,
      stages: r.stages.map((s) => ({
        stageId: s.stageId,
        recipient: s.recipient,
        due: s.due,
        dueKind: s.dueKind,
        submittedAt: s.submittedAt,
        outcome: s.outcome,
        marginSeconds: marginSeconds(s),
        margin: stageSentence(s),
        waitingFor: s.waitingFor,
        notNotifiable: decision(r.id, s.stageId),
      })),
    })),
  };
}

/** A notice with the SHA-256 of its text, so the text an authority received can be matched to the record. */
function noticeJson(n: NoticeFacts) {
  return {
    noticeId: n.noticeId,
    stage: n.stage,
    template: n.template,
    status: n.status,
    draftedBy: n.draftedBy,
    draftedAt: n.draftedAt,
    approvedBy: n.approvedBy,
    approvedAt: n.approvedAt,
    submittedBy: n.submittedBy,
    submittedAt: n.submittedAt,
    reference: n.reference,
    textSha256: n.text === null ? null : sha256Hex(n.text),
    text: n.text,
  };
}

function reviewJson(e: EvidenceFacts) {
  const r = e.review!;
  return {
    incidentId: r.incidentId,
    status: r.status,
    drill: r.drill,
    owner: r.owner,
    dueAt: r.dueAt,
    meetingAt: r.meetingAt,
    link: r.link,
    waiveReason: r.waiveReason,
    decidedBy: r.decidedBy,
    decidedAt: r.decidedAt,
    escalatedAt: r.escalatedAt,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

/** One stored entry per line, with the stored keys in their stored order and nothing added or recomputed. */
export function auditJsonl(entries: readonly AuditEntry[]): string {
  return entries
    .map((a) => `${JSON.stringify({ seq: a.seq, at: a.at, actor: a.actor, action: a.action, incidentId: a.incidentId, details: a.details, prevHash: a.prevHash, hash: a.hash })}\n`)
    .join('');
}
