/** Access reviews and the other recurring controls: owners, cadences, evidence, late recorded as late. */
import type { Db } from '../../platform/db/db.js';
import type { ControlDigest } from './domain/control-digest.js';
import { controlRepo } from './store/control-repo.js';

export { accessReviewSection, cadenceField, controlsSection } from './config/sections.js';
export { CADENCES, CONTROL_KINDS, type Cadence, type ControlKind } from './domain/cadence.js';
export { accessReviewsFeature, type AccessReviewsOptions, type ControlDefinition } from './slack/access-reviews-feature.js';
export { migrations } from './store/migrations.js';
export type { ControlDigest } from './domain/control-digest.js';

/** What the managers' digest reads: overdue periods (indexed on their due time), most overdue first, and the unowned controls. */
export function controlDigestOf(db: Db): (now: Date, limit: number) => ControlDigest {
  const controls = controlRepo(db);
  return (now, limit) => {
    const all = controls.all().filter((c) => c.active);
    const byId = new Map(all.map((c) => [c.id, c]));
    const overdue = controls.overdue(now, limit).flatMap((p) => {
      const c = byId.get(p.controlId);
      return c ? [{ id: c.id, name: c.name, type: c.type, owner: c.owner, dueAt: p.due }] : [];
    });
    return { overdue, overdueTotal: controls.overdueCount(now), unowned: all.filter((c) => !c.owner).map((c) => c.name) };
  };
}
