/**
 * Weekend and holiday relief (DORA RTS 2025/301 Art 5): a deadline on a non-working day of the entity's
 * Member State may be met by 12:00 the next working day, except where the law refuses it to the entity
 * (the regime's excluded entity types, Art 5(5)) or its competent authority did (Art 5(6)).
 */
import { nextWorkingDayNoon, onWorkingDay } from './clock-math.js';
import type { Verification } from './regime.js';
import type { RegimeContext } from './regime-context.js';
import type { Stage } from './regime.js';
import type { DueRule } from './stage-deadline.js';

export interface ReliefResult {
  readonly at: Date;
  readonly verification: Verification | null;
  readonly basis: string | null;
  readonly rule: Pick<DueRule, 'relief' | 'reliefReason'>;
}

export function applyRelief(ctx: RegimeContext, stage: Stage, due: Date): ReliefResult {
  const rule = ctx.regime.weekendRule;
  const none = { at: due, verification: null, basis: null };
  if (!rule || !stage.weekendRuleApplies) return { ...none, rule: { relief: 'none', reliefReason: null } };
  if (onWorkingDay(due, ctx)) return { ...none, rule: { relief: 'not_needed', reliefReason: `due on a working day in ${ctx.holidays}` } };
  const refused = refusal(ctx, stage);
  const day = `${due.toISOString()} is not a working day in ${ctx.holidays} (${ctx.zone})`;
  if (refused) return { ...none, basis: `${day}; no relief: ${refused}`, rule: { relief: 'refused', reliefReason: refused } };
  const moved = nextWorkingDayNoon(due, ctx) ?? due;
  const why = `${day}: moved to 12:00 next working day for ${ctx.entity?.name ?? ''} (${ctx.entity?.type ?? ''}): ${rule.description}`;
  return { at: moved, verification: rule.verification, basis: why, rule: { relief: 'applied', reliefReason: rule.description } };
}

/** Why the entity gets no relief for this stage, or null when it does. */
function refusal(ctx: RegimeContext, stage: Stage): string | null {
  const rule = ctx.regime.weekendRule;
  const e = ctx.entity;
  if (!rule) return null;
  if (!e) return 'no entity given, and relief depends on its type and Member State';
  if (e.doraReliefExcluded) return `${e.name} is excluded from relief by its competent authority (RTS 2025/301 Art 5(6); company.entities doraReliefExcluded)`;
  const stageExcluded = rule.excludedStages.length === 0 || rule.excludedStages.includes(stage.id);
  if (stageExcluded && rule.excludedEntityTypes.includes(e.type)) {
    return `${e.type} entities get no relief for ${stage.id} (${rule.exclusionCitation ?? 'the weekend rule'})`;
  }
  return null;
}
