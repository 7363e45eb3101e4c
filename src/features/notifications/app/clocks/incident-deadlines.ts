import { computeDeadlines } from '../../domain/deadlines/compute-deadlines.js';
import type { Entity } from '../../domain/deadlines/entity.js';
import type { NotNotifiableDecision, StageDeadline } from '../../domain/deadlines/stage-deadline.js';
import { WardenError } from '../../../../platform/errors.js';
import type { ClockEvent } from '../../../incidents/index.js';
import type { CatalogEntry } from './clock-catalog.js';
import type { ClockDeps } from './clock-deps.js';
import { echoId } from './echo.js';

/** One applied regime (or contract) of an incident, with every stage computed at `now`. */
export interface RegimeDeadlines {
  readonly entry: CatalogEntry;
  readonly appliedBy: string;
  readonly appliedAt: Date;
  readonly stages: readonly StageDeadline[];
  /** The entity the stages were computed for (the incident's chosen one, else the first configured), for the board to name. */
  readonly entity?: Entity | null;
  /** Why that entity is the one used when a person has not chosen it and there was a choice to make; null otherwise. */
  readonly entityWarning?: string | null;
}

/** A stage named as people type it: `gdpr:supervisory_authority`, `contract:enterprise:customers`. */
export interface StageRef {
  readonly regimeId: string;
  readonly stageId: string;
}

/** Statuses in which a deadline is running and reminders apply. */
export const LIVE_STATUSES: readonly StageDeadline['status'][] = ['open', 'due_soon', 'overdue'];
export const isLive = (s: StageDeadline): boolean => LIVE_STATUSES.includes(s.status) && s.due !== null;

export const stageRefText = (r: StageRef): string => `${r.regimeId}:${r.stageId}`;

/** The recorded events of an incident as the deadline engine reads them. */
export function eventTimes(deps: { clocks: Pick<ClockDeps['clocks'], 'events'> }, incidentId: string): Partial<Record<ClockEvent, Date>> {
  return Object.fromEntries(deps.clocks.events(incidentId).map((e) => [e.event, e.at]));
}

/**
 * Every applied regime of an incident with its stages' due instants and statuses at `now`. A regime no
 * longer in the catalog (removed from the configuration) is left out.
 */
export function incidentDeadlines(
  deps: { clocks: Pick<ClockDeps['clocks'], 'events' | 'regimes' | 'submissions' | 'decisions' | 'entityOf'>; catalog: ClockDeps['catalog'] },
  incidentId: string,
  now: Date,
): RegimeDeadlines[] {
  const events = eventTimes(deps, incidentId);
  const submissions = deps.clocks.submissions(incidentId);
  const decisions = deps.clocks.decisions(incidentId);
  const { entity, warning: entityWarning } = incidentEntity(deps, incidentId);
  return deps.clocks.regimes(incidentId).flatMap((applied) => {
    const entry = deps.catalog.entries.get(applied.regimeId);
    if (!entry) return [];
    const mine = <T extends { regimeId: string }>(list: T[]) => list.filter((x) => x.regimeId === applied.regimeId);
    const input = {
      events,
      submissions: Object.fromEntries(mine(submissions).map((s) => [s.stageId, s.submittedAt])),
      notNotifiable: Object.fromEntries(
        mine(decisions).map((d): [string, NotNotifiableDecision] => [d.stageId, { reason: d.reason, decidedAt: d.decidedAt }]),
      ),
    };
    return [{ entry, appliedBy: applied.appliedBy, appliedAt: applied.appliedAt, stages: computeDeadlines(entry.regime, input, now, { entity }), entity, entityWarning }];
  });
}

/**
 * The entity an incident's deadlines are computed for: the one chosen with `/incident entity`, else the first of
 * company.entities. Never silent: with several configured and none chosen, or a chosen one since removed from
 * the configuration, the warning says which was used and how to choose.
 */
export function incidentEntity(
  deps: { clocks: Pick<ClockDeps['clocks'], 'entityOf'>; catalog: ClockDeps['catalog'] },
  incidentId: string,
): { entity: Entity | null; chosen: boolean; warning: string | null } {
  const all = deps.catalog.entities ?? [];
  const first = deps.catalog.entity ?? null;
  const name = deps.clocks.entityOf(incidentId);
  const chosen = name === null ? undefined : all.find((e) => e.name === name);
  if (chosen) return { entity: chosen, chosen: true, warning: null };
  const names = all.map((e) => e.name).join(', ');
  if (name !== null) {
    return { entity: first, chosen: false, warning: `the entity chosen for this incident, ${name}, is no longer in company.entities: computed for ${first?.name ?? 'no entity'}; \`/incident entity <name>\` chooses one of ${names || 'none'}` };
  }
  if (all.length > 1 && first) {
    return { entity: first, chosen: false, warning: `computed for ${first.name}, the first of company.entities; \`/incident entity <name>\` chooses another (${names})` };
  }
  return { entity: first, chosen: false, warning: null };
}

/**
 * Reads `regime:stage` (the regime id may itself contain `:`, as contracts do) and finds it among the
 * incident's applied regimes.
 * @throws WardenError('bad_input') naming the stages that exist.
 */
export function findStage(list: readonly RegimeDeadlines[], text: string | undefined, usage: string): { regime: RegimeDeadlines; stage: StageDeadline } {
  const refs = list.flatMap((r) => r.stages.map((s) => stageRefText({ regimeId: r.entry.regime.id, stageId: s.stageId })));
  const known = refs.length > 0 ? `Stages of this incident: ${refs.join(', ')}.` : 'No regime is applied yet: `/incident regime add gdpr` (or another id).';
  const cut = text?.lastIndexOf(':') ?? -1;
  if (!text || cut <= 0) {
    throw new WardenError('bad_input', `${text ? `${echoId(text)} is not` : 'Missing'} a stage as \`regime:stage\`. ${known} Usage: \`${usage}\``);
  }
  const regimeId = text.slice(0, cut);
  const stageId = text.slice(cut + 1);
  const regime = list.find((r) => r.entry.regime.id === regimeId);
  const stage = regime?.stages.find((s) => s.stageId === stageId);
  if (!regime || !stage) throw new WardenError('bad_input', `No stage ${echoId(text)} on this incident. ${known}`);
  return { regime, stage };
}
