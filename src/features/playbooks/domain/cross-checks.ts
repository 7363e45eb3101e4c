/**
 * Checks across steps that a per-field schema cannot make: step ids unique in the playbook, `due.from:
 * step:<id>` naming a real step and no chain of such anchors looping back, and conditions that can never hold.
 * Each problem is reported at the path of the offending node, so the YAML loader can name its line.
 */
import type { z } from 'zod';
import { parseAnchor } from './anchor.js';
import { PHASES } from './model.js';
import type { PlaybookInput, StepInput } from './schema.js';

type Ctx = z.core.$RefinementCtx<PlaybookInput>;
type Located = { step: StepInput; path: (string | number)[]; where: string };

/** zod `superRefine` callback: adds one issue per cross-check failure. */
export function crossCheckPlaybook(input: PlaybookInput, ctx: Ctx): void {
  const steps = locateSteps(input);
  if (steps.length === 0) ctx.addIssue({ code: 'custom', path: ['phases'], message: 'expected at least one step in some phase' });
  checkDuplicateIds(steps, ctx);
  checkAnchors(steps, ctx);
  checkConditions(steps, ctx);
}

function locateSteps(input: PlaybookInput): Located[] {
  return PHASES.flatMap((phase) =>
    (input.phases[phase] ?? []).map((step, i) => ({ step, path: ['phases', phase, i], where: `phases.${phase}[${i}]` })),
  );
}

function checkDuplicateIds(steps: Located[], ctx: Ctx): void {
  const seen = new Map<string, Located>();
  for (const s of steps) {
    const first = seen.get(s.step.id);
    if (first) {
      ctx.addIssue({
        code: 'custom',
        path: [...s.path, 'id'],
        message: `duplicate step id "${s.step.id}": already used at ${first.where}`,
      });
    } else seen.set(s.step.id, s);
  }
}

/** The step a step's due time hangs on, if it hangs on one. */
function anchorStep(step: StepInput): string | null {
  if (!step.due) return null;
  const parsed = parseAnchor(step.due.from);
  return parsed.ok && parsed.anchor.kind === 'step' ? parsed.anchor.stepId : null;
}

function checkAnchors(steps: Located[], ctx: Ctx): void {
  const ids = new Set(steps.map((s) => s.step.id));
  const reported = new Set<string>();
  for (const s of steps) {
    const target = anchorStep(s.step);
    if (target === null) continue;
    const path = [...s.path, 'due', 'from'];
    if (!ids.has(target)) {
      ctx.addIssue({ code: 'custom', path, message: `unknown step "${target}": expected the id of a step in this playbook` });
      continue;
    }
    const cycle = cycleFrom(s.step.id, steps);
    if (cycle && !cycle.some((id) => reported.has(id))) {
      cycle.forEach((id) => reported.add(id));
      ctx.addIssue({ code: 'custom', path, message: `"step:${target}" forms a cycle: ${[...cycle, s.step.id].join(' -> ')}` });
    }
  }
}

/** Follows `step:` anchors from `start`; returns the loop's ids starting at `start` if the chain comes back to it. */
function cycleFrom(start: string, steps: Located[]): string[] | null {
  const byId = new Map(steps.map((s) => [s.step.id, s.step]));
  const chain: string[] = [start];
  let next = anchorStep(byId.get(start) as StepInput);
  while (next !== null && byId.has(next)) {
    if (next === start) return chain;
    if (chain.includes(next)) return null; // a loop further along, reported from one of its own steps
    chain.push(next);
    next = anchorStep(byId.get(next) as StepInput);
  }
  return null;
}

function checkConditions(steps: Located[], ctx: Ctx): void {
  for (const { step, path } of steps) {
    const none = new Set(step.when?.flags_none ?? []);
    const clash = (step.when?.flags_all ?? []).find((f) => none.has(f));
    if (clash) {
      ctx.addIssue({
        code: 'custom',
        path: [...path, 'when'],
        message: `the step can never show: flag "${clash}" is in both flags_all and flags_none`,
      });
    }
  }
}
