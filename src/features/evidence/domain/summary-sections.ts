/** The sections of summary.md about what was done: clocks, notices, playbook, review, action items. Pure. */
import { inlineText } from '../../reviews/index.js';
import type { EvidenceFacts } from './evidence-facts.js';
import { stageSentence } from './stage-outcome.js';
import { sha256Hex } from './pack-json.js';

export interface Render {
  /** An instant in UTC and the company zone. */
  t(at: Date | null): string;
  /** A person (Slack id), escaped. */
  who(id: string | null): string;
}

const section = (title: string, body: string[], empty: string): string[] => [`## ${title}`, '', ...(body.length ? body : [empty]), ''];

export function clockLines(e: EvidenceFacts, r: Render): string[] {
  const events = e.clockEvents.map((c) => `- ${inlineText(c.event)}: ${r.t(c.at)}, recorded by ${r.who(c.recordedBy)} at ${r.t(c.recordedAt)}`);
  const regimes = e.facts.regimes.flatMap((g) => {
    const applied = e.appliedRegimes.find((a) => a.regimeId === g.id);
    return [
      '',
      `### ${inlineText(g.name)} (${inlineText(g.id)})${g.proposed ? ': proposed rule, not law yet' : ''}`,
      '',
      `${inlineText(g.citation)}.${applied ? ` Applied by ${r.who(applied.appliedBy)} at ${r.t(applied.appliedAt)}.` : ''}`,
      '',
      ...g.stages.map((s) => {
        const due = s.due ? `due ${r.t(s.due)}${s.dueKind === 'internal' ? ' (internal target, not law)' : ''}` : 'no due time';
        const sent = s.submittedAt ? `, submitted ${r.t(s.submittedAt)}` : '';
        const reason = s.notNotifiableReason ? `: ${inlineText(s.notNotifiableReason)}` : '';
        return `- ${inlineText(s.stageId)} → ${inlineText(s.recipient)}: ${due}${sent}; ${inlineText(stageSentence(s))}${reason}`;
      }),
    ];
  });
  return [...section('Clock events', events, 'No clock event was recorded.'), ...section('Legal and contractual clocks', regimes.slice(1), 'No legal clock applied to this incident.')];
}

export function noticeLines(e: EvidenceFacts, r: Render): string[] {
  const lines = e.facts.notices.map((n) => {
    const head = `- ${n.noticeId === null ? 'Submission' : `Notice #${n.noticeId}`} for ${inlineText(n.stage ?? 'no stage')}${n.template ? ` (${inlineText(n.template)})` : ''}: ${inlineText(n.status.replace(/_/g, ' '))}`;
    const drafted = n.draftedBy ? `; drafted by ${r.who(n.draftedBy)}${n.draftedAt ? ` at ${r.t(n.draftedAt)}` : ''}` : '; no approved draft on record';
    const approved = n.approvedBy ? `; approved by ${r.who(n.approvedBy)}${n.approvedAt ? ` at ${r.t(n.approvedAt)}` : ''}` : '';
    const sent = n.submittedAt ? `; submitted ${r.t(n.submittedAt)} by ${r.who(n.submittedBy)}, reference ${inlineText(n.reference ?? '')}` : '';
    const hash = n.text === null ? '; no text kept' : `; text SHA-256 ${sha256Hex(n.text)}`;
    return `${head}${drafted}${approved}${sent}${hash}`;
  });
  return section('Notices', lines, 'No notice was drafted or sent.');
}

export function playbookLines(e: EvidenceFacts, r: Render): string[] {
  const p = e.facts.playbook;
  if (!p) return section('Playbook', [], 'No playbook ran for this incident.');
  const steps = p.steps.map((s) => {
    const what = `- [${s.status}] ${inlineText(s.title)} (${inlineText(s.phase)})`;
    if (s.status === 'open') return `${what}: ${s.assignee ? `with ${r.who(s.assignee)}` : 'unassigned'}${s.dueAt ? `, due ${r.t(s.dueAt)}` : ''}${s.overdue ? ', overdue' : ''}`;
    const why = s.status === 'done' ? (s.evidence ? `; evidence: ${inlineText(s.evidence)}` : '; no evidence given') : `; reason: ${inlineText(s.reason ?? '')}`;
    return `${what}: ${r.who(s.by)}, ${r.t(s.at)}${why}`;
  });
  return section(`Playbook: ${inlineText(p.name)}`, steps, 'The playbook has no visible step.');
}

export function reviewLines(e: EvidenceFacts, r: Render): string[] {
  const v = e.review;
  if (!v) return section('Post-incident review', [], 'No review: none was scheduled for this incident.');
  return section(
    'Post-incident review',
    [
      `- Status: ${inlineText(v.status)}${v.drill ? ' (a drill)' : ''}; owner ${r.who(v.owner)}, due ${r.t(v.dueAt)}`,
      ...(v.meetingAt ? [`- Meeting: ${r.t(v.meetingAt)}`] : []),
      ...(v.decidedBy ? [`- ${v.status === 'waived' ? 'Waived' : 'Recorded'} by ${r.who(v.decidedBy)} at ${r.t(v.decidedAt)}`] : []),
      ...(v.link ? [`- Written review: ${inlineText(v.link)}`] : []),
      ...(v.waiveReason ? [`- Reason: ${inlineText(v.waiveReason)}`] : []),
    ],
    '',
  );
}

export function actionLines(e: EvidenceFacts, r: Render): string[] {
  const items = e.facts.actionItems.map((a) => {
    const done = a.status === 'done' ? `; done ${r.t(a.doneAt)} by ${r.who(a.doneBy)}${a.evidence ? `, evidence: ${inlineText(a.evidence)}` : ''}` : '';
    return `- ${inlineText(a.id)} [${a.status}] ${inlineText(a.text)}: owner ${r.who(a.owner)}, due ${r.t(a.dueAt)}, added by ${r.who(a.createdBy)} at ${r.t(a.createdAt)}${done}`;
  });
  return section('Action items', items, 'No action items.');
}
