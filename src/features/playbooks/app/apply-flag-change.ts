import type { IncidentFlag } from '../../incidents/index.js';
import { flagChangeEffect, selectPlaybook } from '../domain/select.js';
import type { PlaybookDeps } from './deps.js';
import { attachFittingPlaybook, switchPlaybook } from './attach-playbook.js';
import type { Running } from './running.js';
import { enqueueNotice, enqueueSync, runningPlaybook } from './running.js';
import { scheduleNags } from './schedule-nags.js';

export interface FlagsChangeInput {
  incidentId: string;
  after: readonly IncidentFlag[];
  by: string;
}

/**
 * Runs (from the durable flags-changed job) after an incident's flags changed: steps whose `when` now holds
 * appear, the others leave; the change is announced once and the checklist re-rendered in place. Compares
 * with the flags the checklist was last rendered for, so a rerun of the same job announces nothing twice.
 * With no playbook yet, one may now fit (e.g. `personal_data` turned on): it is attached and announced. A
 * fallback Warden attached gives way the same way to a specific playbook that now fits (announced as a switch);
 * one a person chose stays.
 */
export function applyFlagChange(deps: PlaybookDeps, change: FlagsChangeInput): void {
  const { store } = deps;
  store.transaction(() => {
    const running = runningPlaybook(deps, change.incidentId);
    if (!running) {
      attachFittingPlaybook(deps, change.incidentId, change.by, true);
      return;
    }
    if (giveWayToSpecific(deps, running, change.after)) return;
    const { incident, attachment, playbook } = running;
    const seen = [...attachment.flagsSeen].sort().join(',');
    if (seen === [...change.after].sort().join(',')) return;
    const now = deps.clock.now();
    const effect = flagChangeEffect(playbook, { ...incident, flags: attachment.flagsSeen }, { ...incident, flags: change.after });
    deps.playbooks.setFlagsSeen(incident.id, change.after);
    if (effect.appeared.length > 0 || effect.left.length > 0) {
      enqueueNotice(deps, { type: 'flags_changed', incidentId: incident.id, playbookId: playbook.id, ...effect, by: change.by, before: attachment.flagsSeen, after: [...change.after] }, now);
    }
    enqueueSync(deps, incident.id, now);
    scheduleNags(deps, incident.id, now);
  });
}

/**
 * Re-renders the checklist and re-plans its nags: for changes the playbook does not see itself, such as a
 * legal clock event that gives anchored steps their due time. Other modules queue `playbook.refresh`.
 */
export function refreshChecklist(deps: PlaybookDeps, incidentId: string): void {
  deps.store.transaction(() => {
    if (!runningPlaybook(deps, incidentId)) return;
    const now = deps.clock.now();
    enqueueSync(deps, incidentId, now);
    scheduleNags(deps, incidentId, now);
  });
}

/** Switches from a fallback Warden attached to the specific playbook the new flags select, if any. */
function giveWayToSpecific(deps: PlaybookDeps, running: Running, flags: readonly IncidentFlag[]): boolean {
  if (!running.playbook.fallback || running.attachment.attachedBy !== 'warden') return false;
  const fitting = selectPlaybook(deps.catalog, { ...running.incident, flags });
  if (!fitting || fitting.fallback) return false;
  switchPlaybook(deps, { userId: 'warden' }, running.incident.id, fitting.id);
  return true;
}
