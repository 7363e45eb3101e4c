/**
 * The review facts as the template sees them: every value a ready string (times in the reader's zone, people
 * by name, user text escaped for Markdown), so a template cannot render raw user text by mistake. Pure.
 */
import type { ActionItemView, NoticeFacts, RegimeFacts, ReviewFacts, StageFacts, StepFacts } from './facts.js';
import { formatDuration, formatTime, inlineText, quotedText, zoneAbbreviation } from './format.js';

/** Who reads the draft: their IANA zone, and whether it came from their Slack profile or the fallback. */
export interface Reader {
  zone: string;
  /** False when Slack had no zone for the reader and `zone` is the configured display zone. */
  fromProfile: boolean;
}

/** Display names by Slack user id (`Alice Example`); an unknown id shows as itself. */
export type People = Readonly<Record<string, string>>;

export function reviewView(facts: ReviewFacts, reader: Reader, people: People = {}) {
  const t = (at: Date | null): string => (at ? formatTime(at, reader.zone) : '');
  const who = (id: string | null): string => (id === null ? '' : id === 'warden' ? 'Warden' : `@${inlineText(people[id] ?? id)}`);
  const said = (text: string): string => inlineText(readableSlackText(text, people));
  const i = facts.incident;
  const end = i.resolvedAt ?? i.closedAt;
  return {
    generatedAt: t(facts.generatedAt),
    reader: {
      zone: inlineText(reader.zone),
      zoneName: zoneAbbreviation(reader.zone, facts.generatedAt),
      fromProfile: reader.fromProfile,
    },
    incident: {
      id: inlineText(i.id),
      title: inlineText(i.title),
      description: quotedText(i.description),
      type: i.type,
      severity: inlineText(i.severity),
      status: i.status,
      drill: i.drill,
      private: i.private,
      declaredBy: who(i.declaredBy),
      declaredAt: t(i.declaredAt),
      detectedAt: t(i.detectedAt),
      resolvedAt: t(i.resolvedAt),
      closedAt: t(i.closedAt),
      duration: end ? formatDuration(end.getTime() - i.declaredAt.getTime()) : '',
      timeToDetect: i.detectedAt ? formatDuration(i.declaredAt.getTime() - i.detectedAt.getTime()) : '',
    },
    review: facts.review
      ? { owner: who(facts.review.owner), dueAt: t(facts.review.dueAt), status: inlineText(facts.review.status), meetingAt: t(facts.review.meetingAt), drill: facts.review.drill }
      : null,
    severityHistory: facts.severityHistory.map((p) => ({
      severity: inlineText(p.severity),
      from: t(p.from),
      until: t(p.until),
      lasted: p.until ? formatDuration(p.until.getTime() - p.from.getTime()) : '',
      by: who(p.by),
    })),
    roles: facts.roles.map((r) => ({ role: inlineText(r.role), person: who(r.userId), from: t(r.from), until: t(r.until), by: who(r.by) })),
    timeline: facts.timeline.map((e) => ({ at: t(e.at), kind: e.kind, actor: who(e.actor), text: said(e.text) })),
    regimes: facts.regimes.map((r) => regimeView(r, t)),
    notices: facts.notices.map((n) => noticeView(n, t, who)),
    playbook: facts.playbook ? playbookView(facts.playbook.name, facts.playbook.steps, t, who) : null,
    actionItems: facts.actionItems.map((a) => actionView(a, t, who, said)),
  };
}

export type ReviewView = ReturnType<typeof reviewView>;
type Time = (at: Date | null) => string;
type Who = (id: string | null) => string;

function regimeView(r: RegimeFacts, t: Time) {
  return {
    id: inlineText(r.id),
    name: inlineText(r.name),
    citation: inlineText(r.citation),
    proposed: r.proposed,
    stages: r.stages.map((s) => ({
      stage: inlineText(s.stageId),
      recipient: inlineText(s.recipient),
      due: t(s.due),
      dueKind: s.dueKind,
      outcome: s.outcome,
      result: stageResult(s, t),
    })),
  };
}

/** One sentence on how the stage ended: `met with 5 h 12 min to spare (submitted ...)`, `missed by 2 h ...`. */
export function stageResult(s: StageFacts, t: Time): string {
  const margin = s.marginMs === null ? '' : formatDuration(s.marginMs);
  const internal = s.dueKind === 'internal' ? ' (internal target, not law)' : '';
  const sentence = {
    met: () => `met with ${margin} to spare (submitted ${t(s.submittedAt)})`,
    missed: () => `missed by ${margin} (submitted ${t(s.submittedAt)})`,
    overdue: () => `missed: not submitted, overdue by ${margin}`,
    open: () => `open: ${margin} left`,
    submitted: () => `submitted ${t(s.submittedAt)} (no fixed deadline)`,
    waiting: () => `not running: waiting for ${inlineText(s.waitingFor ?? 'its start event')}`,
    not_notifiable: () => `not notifiable: ${inlineText(s.notNotifiableReason ?? 'no reason recorded')}`,
    no_deadline: () => 'no fixed deadline; not submitted',
  }[s.outcome]();
  return `${sentence}${internal}`;
}

function noticeView(n: NoticeFacts, t: Time, who: Who) {
  return {
    stage: inlineText(n.stage ?? 'no stage'),
    template: inlineText(n.template ?? ''),
    draftedBy: who(n.draftedBy),
    draftedAt: t(n.draftedAt),
    approvedBy: who(n.approvedBy),
    status: n.status.replace(/_/g, ' '),
    sent: n.status === 'submitted',
    submittedAt: t(n.submittedAt),
    submittedBy: who(n.submittedBy),
    reference: inlineText(n.reference ?? ''),
  };
}

function playbookView(name: string, steps: readonly StepFacts[], t: Time, who: Who) {
  const of = (status: StepFacts['status']) => steps.filter((s) => s.status === status);
  const base = (s: StepFacts) => ({ title: inlineText(s.title), phase: inlineText(s.phase) });
  return {
    name: inlineText(name),
    done: of('done').map((s) => ({ ...base(s), by: who(s.by), at: t(s.at), evidence: inlineText(s.evidence ?? '') })),
    skipped: of('skipped').map((s) => ({ ...base(s), by: who(s.by), at: t(s.at), reason: inlineText(s.reason ?? '') })),
    open: of('open').map((s) => ({ ...base(s), assignee: who(s.assignee), due: t(s.dueAt), overdue: s.overdue })),
  };
}

function actionView(a: ActionItemView, t: Time, who: Who, said: (text: string) => string) {
  return {
    text: said(a.text),
    owner: who(a.owner),
    due: t(a.dueAt),
    status: a.status,
    done: a.status === 'done',
    doneBy: who(a.doneBy),
    doneAt: t(a.doneAt),
    evidence: inlineText(a.evidence ?? ''),
    createdBy: who(a.createdBy),
  };
}

/**
 * Slack's markup as a person reads it: `<@U1|alice>` and `<@U1>` become `@Alice Example`, `<#C1|general>` becomes
 * `#general`, `<https://x|label>` becomes `label (https://x)`. Special mentions (`<!channel>`) stay as written,
 * for the escaping to keep literal.
 */
export function readableSlackText(text: string, people: People): string {
  return text
    .replace(/<@([UW][A-Z0-9]+)(?:\|([^>]*))?>/g, (_m, id: string, label?: string) => `@${people[id] ?? label ?? id}`)
    .replace(/<#(C[A-Z0-9]+)(?:\|([^>]*))?>/g, (_m, id: string, label?: string) => `#${label || id}`)
    .replace(/<((?:https?|mailto):[^|>]+)(?:\|([^>]*))?>/g, (_m, url: string, label?: string) => (label ? `${label} (${url})` : url));
}

/** Every Slack user id the facts name, for looking their names up once. */
export function peopleIn(facts: ReviewFacts): string[] {
  const ids = new Set<string>([facts.incident.declaredBy]);
  const add = (id: string | null) => id && /^[UW][A-Z0-9]+$/.test(id) && ids.add(id);
  if (facts.review) add(facts.review.owner);
  for (const p of facts.severityHistory) add(p.by);
  for (const r of facts.roles) [r.userId, r.by].forEach(add);
  for (const e of facts.timeline) {
    add(e.actor);
    for (const m of e.text.matchAll(/<@([UW][A-Z0-9]+)/g)) add(m[1] ?? null);
  }
  for (const n of facts.notices) [n.draftedBy, n.approvedBy, n.submittedBy].forEach(add);
  for (const s of facts.playbook?.steps ?? []) [s.by, s.assignee].forEach(add);
  for (const a of facts.actionItems) [a.owner, a.doneBy, a.createdBy].forEach(add);
  return [...ids].filter((id) => /^[UW][A-Z0-9]+$/.test(id));
}
