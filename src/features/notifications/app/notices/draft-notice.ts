import { createHash } from 'node:crypto';
import { WardenError } from '../../../../platform/errors.js';
import { renderNotice } from '../../domain/notices/render-notice.js';
import type { Notice } from '../../domain/notices/notice.js';
import type { Actor } from '../../../incidents/index.js';
import { recordChange, requireIncident } from '../../../incidents/index.js';
import type { ClockDeps } from '../clocks/clock-deps.js';
import { enqueueApprovalMessage } from '../clocks/clock-outbox.js';
import { findStage, incidentDeadlines, stageRefText } from '../clocks/incident-deadlines.js';
import { noticeContextFor } from './notice-context-for.js';
import { templateForStage } from './notice-checklist.js';
import { elementChecklist, type ChecklistItem } from '../../domain/notices/required-elements.js';

/** Slack's text inputs hold 3,000 characters; a notice is edited in one. */
export const MAX_NOTICE = 3_000;
/** The same draft saved again by the same person this soon is a retried or double submission, not a new draft. */
export const REPEAT_WINDOW_MS = 2 * 60_000;

export interface StageChoice {
  /** `regime:stage` */
  ref: string;
  label: string;
}

export interface NoticeDraft {
  incidentId: string;
  template: string;
  text: string;
  /** Stages still owed (not submitted, not decided), that the notice can be for. */
  stages: StageChoice[];
  /** The owed stage the template is for, preselected; null when none is owed or it names none. */
  stage: string | null;
  /** What the law the template answers requires, and which of it the rendered text still lacks. */
  citation: string | null;
  checklist: ChecklistItem[];
}

/**
 * Renders a template against the incident as it stands, for a person to edit. Nothing is stored.
 * `what` is a template name, or a stage (`gdpr:data_subjects`) whose template is the one declaring it.
 * @throws WardenError('not_found') listing the templates; ('bad_input') for a template error (unknown variable ...).
 */
export function prepareNoticeDraft(deps: ClockDeps, incidentId: string, what: string): NoticeDraft {
  const incident = requireIncident(deps.store, incidentId);
  const template = what.includes(':') ? templateForStage(deps.templates, what) : deps.templates.load(what);
  const now = deps.clock.now();
  const text = renderNotice(template, noticeContextFor(deps, incident, now));
  if (text.length > MAX_NOTICE) {
    throw new WardenError('bad_input', `Template ${template.name} renders ${text.length} characters; a notice is edited in Slack, which holds ${MAX_NOTICE}. Shorten the template.`);
  }
  const stages = incidentDeadlines(deps, incident.id, now).flatMap((r) =>
    r.stages
      .filter((s) => s.status !== 'submitted' && s.status !== 'not_notifiable')
      .map((s) => ({ ref: stageRefText({ regimeId: s.regimeId, stageId: s.stageId }), label: `${s.stageId} (${r.entry.regime.id}) → ${s.recipient}` })),
  );
  const stage = stages.find((s) => (what.includes(':') ? s.ref === what : template.meta.stages.includes(s.ref)))?.ref ?? null;
  return { incidentId: incident.id, template: template.name, text, stages, stage, citation: template.meta.citation, checklist: elementChecklist(template.meta.required, text) };
}

export interface DraftInput {
  incidentId: string;
  template: string;
  /** `regime:stage`, or null for a notice that answers no stage. */
  stage: string | null;
  text: string;
}

/**
 * Stores an edited draft (text, drafter, time), audits it with the text's SHA-256, and queues the approval
 * request in the incident channel. A retried submission returns the draft it stored.
 * @throws WardenError('bad_input') for an empty or too long text or a stage the incident does not owe.
 */
export function saveNoticeDraft(deps: ClockDeps, actor: Actor, input: DraftInput): Notice {
  const text = input.text.trim();
  if (!text) throw new WardenError('bad_input', 'The notice is empty.');
  if (text.length > MAX_NOTICE) throw new WardenError('bad_input', `The notice is ${text.length} characters; keep it under ${MAX_NOTICE}.`);
  const { store } = deps;
  return store.transaction(() => {
    const incident = requireIncident(store, input.incidentId);
    if (incident.status === 'closed') throw new WardenError('refused_transition', `${incident.id} is closed.`);
    const now = deps.clock.now();
    const found = input.stage ? findStage(incidentDeadlines(deps, incident.id, now), input.stage, '/incident notify template') : null;
    if (found && (found.stage.status === 'submitted' || found.stage.status === 'not_notifiable')) {
      throw new WardenError('bad_input', `${input.stage} is already ${found.stage.status === 'submitted' ? 'submitted' : 'recorded as not notifiable'}.`);
    }
    const regimeId = found?.regime.entry.regime.id ?? null;
    const stageId = found?.stage.stageId ?? null;
    const repeat = deps.notices
      .forIncident(incident.id)
      .find((n) => n.draftedBy === actor.userId && n.text === text && n.stageId === stageId && n.regimeId === regimeId && now.getTime() - n.draftedAt.getTime() < REPEAT_WINDOW_MS);
    if (repeat) return repeat;
    const id = deps.notices.add({ incidentId: incident.id, template: input.template, regimeId, stageId, text, draftedBy: actor.userId, draftedAt: now });
    const forWhat = found ? ` for ${stageRefText({ regimeId: regimeId as string, stageId: stageId as string })}` : '';
    recordChange(store, {
      incidentId: incident.id,
      actor: actor.userId,
      at: now,
      kind: 'notice',
      action: 'notice.drafted',
      text: `Notice #${id} drafted from ${input.template}${forWhat}; waiting for approval`,
      data: { noticeId: id, template: input.template, regimeId, stageId, chars: text.length, sha256: sha256(text) },
    });
    enqueueApprovalMessage(store, now, incident.id, id);
    return deps.notices.get(id) as Notice;
  });
}

export const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
