import { enqueueHomeRefresh } from '../../incidents/index.js';
import { WardenError } from '../../../platform/errors.js';
import { everyText, type Every } from '../domain/cadence.js';
import { systemRefusal, type Control, type ControlDefinition } from '../domain/control.js';
import { audit, type ControlDeps } from './deps.js';
import { ensurePeriods } from './open-period.js';

/** The active control with this id (case-insensitive), or a refusal naming the known ones. */
export function requireControl(deps: ControlDeps, id: string): Control {
  const control = deps.controls.get(id.toLowerCase());
  if (control?.active) return control;
  const known = deps.controls.all().filter((c) => c.active).map((c) => `\`${c.id}\``).join(', ');
  throw new WardenError('not_found', `No system or control \`${id.slice(0, 60)}\`. Known: ${known || 'none'} (\`/access-review list\`).`);
}

/**
 * `/access-review add <system> @owner [cadence]` (a manager, checked by the dispatcher): a system whose access
 * is reviewed, stored, with its first period opened now. An id warden.yaml already has is refused: the file wins.
 * @throws WardenError for a bad system name or an id already known.
 */
export function addSystem(deps: ControlDeps, userId: string, input: { system: string; owner: string; every: Every | null }): Control {
  return deps.store.transaction(() => {
    const system = input.system.toLowerCase();
    const problem = systemRefusal(system);
    if (problem) throw new WardenError('bad_input', problem);
    const existing = deps.controls.get(system);
    if (existing) {
      const where = existing.source === 'config' ? 'warden.yaml configures it (the file wins: change it there)' : 'it was added already';
      throw new WardenError('bad_input', `\`${system}\` is already reviewed: ${where}. Give it another owner with \`/access-review owner ${system} @person\`.`);
    }
    const now = deps.clock.now();
    const every = input.every ?? deps.defaultEvery;
    deps.controls.insertAdded({ id: system, name: `Access review: ${system}`, type: 'access-review', kind: 'manual', owner: input.owner, every, evidence: 'who has access, and what was removed', since: now }, userId);
    audit(deps, userId, now, 'control.added', { id: system, owner: input.owner, every: everyText(every) });
    const control = deps.controls.get(system) as Control;
    ensurePeriods(deps, control, now);
    return control;
  });
}

/** `/access-review owner <id> @person` (a manager): a stored owner that wins over warden.yaml's; open periods' reminders go to them. */
export function setControlOwner(deps: ControlDeps, userId: string, id: string, owner: string): { control: Control; from: string | null } {
  return deps.store.transaction(() => {
    const before = requireControl(deps, id);
    const now = deps.clock.now();
    deps.controls.setOwner(before.id, owner, userId, now);
    audit(deps, userId, now, 'control.owner_set', { id: before.id, from: before.owner, to: owner });
    enqueueHomeRefresh(deps.store, now, null, [before.owner, owner]);
    return { control: deps.controls.get(before.id) as Control, from: before.owner };
  });
}

/**
 * At start-up: the controls of warden.yaml are stored (a new one is first seen now; a known one keeps when it
 * was first seen), those left out stop opening periods, and every active control has its current period and
 * the job opening its next one. Idempotent: a restart adds nothing twice.
 */
export function syncControls(deps: ControlDeps, configured: readonly ControlDefinition[]): void {
  deps.store.transaction(() => {
    const now = deps.clock.now();
    for (const def of configured) deps.controls.upsertConfig({ ...def, since: now });
    deps.controls.retireConfigNotIn(configured.map((d) => d.id));
    for (const control of deps.controls.all()) if (control.active) ensurePeriods(deps, control, now);
  });
}
