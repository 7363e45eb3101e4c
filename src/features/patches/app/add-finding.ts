import { WardenError } from '../../../platform/errors.js';
import { parseDiscovered } from '../domain/discovery.js';
import { ASSET_MAX, DESCRIPTION_MAX, identityKey, idRefusal, isCve, lengthRefusal, type Finding } from '../domain/finding.js';
import type { PatchSeverity } from '../domain/patch-severity.js';
import { dueOf, earliestKev } from '../domain/sla.js';
import { audit, zoneOf, type PatchCore, type PatchDeps } from './deps.js';
import { startFollowUp } from './follow-up.js';
import type { NewFinding } from './ports.js';

/** What adding a finding needs; its due time and plan follow from it. */
export type FindingInput = Pick<Finding, 'id' | 'advisory' | 'package' | 'asset' | 'cves' | 'severity' | 'owner' | 'description' | 'source' | 'discoveredAt'>;

/** The stored shape of a new finding: due from its severity's SLA and the KEV catalog; its reminder plan counts from now. */
export function newFinding(deps: PatchCore, input: FindingInput, by: string, now: Date): NewFinding {
  const kev = earliestKev(input.cves, (cve) => deps.patches.kevDue(cve));
  const { dueAt, basis } = dueOf({ severity: input.severity, discoveredAt: input.discoveredAt, kev }, { slaMs: deps.patchPolicy.slaMs, zone: zoneOf(deps) });
  return { ...input, cves: [...input.cves], dueAt, dueBasis: basis, planSince: now, createdBy: by, createdAt: now };
}

/** Stores a new finding and starts its reminders (call inside a transaction). */
export function storeFinding(deps: PatchCore, f: NewFinding, now: Date): Finding {
  deps.patches.insert(f);
  const stored = deps.patches.get(f.id) as Finding;
  startFollowUp(deps, stored, now);
  return deps.patches.get(f.id) as Finding;
}

export interface AddInput {
  id: string;
  severity: PatchSeverity;
  owner: string;
  asset: string;
  description: string;
  /** As typed after `--discovered`, or null for now. */
  discovered: string | null;
}

/**
 * `/patch add`: a finding typed by hand, due from its severity's SLA counted from discovery (a CVE id is looked
 * up in the KEV catalog), its reminders and escalation queued, audited, in one transaction.
 * @throws WardenError('bad_input') for a bad id, asset, description or discovery date; ('conflict') for an id or identity taken.
 */
export function addFinding(deps: PatchDeps, by: string, input: AddInput): Finding {
  return deps.store.transaction(() => {
    const now = deps.clock.now();
    const problem = idRefusal(input.id) ?? lengthRefusal('asset name', input.asset, ASSET_MAX) ?? lengthRefusal('description', input.description, DESCRIPTION_MAX);
    if (problem) throw new WardenError('bad_input', problem);
    const discovered = parseDiscovered(input.discovered, now, zoneOf(deps));
    if (!discovered.ok) throw new WardenError('bad_input', discovered.reason);
    const taken = deps.patches.get(input.id) ?? deps.patches.byIdentity(identityKey(input.id, '', input.asset));
    if (taken) throw new WardenError('conflict', `There is already a finding ${taken.id} (${taken.asset}); \`/patch show ${taken.id}\` shows it. Nothing was added.`);
    const f = newFinding(deps, { id: input.id, advisory: input.id, package: '', asset: input.asset, cves: isCve(input.id) ? [input.id.toUpperCase()] : [], severity: input.severity, owner: input.owner, description: input.description, source: null, discoveredAt: discovered.at }, by, now);
    const stored = storeFinding(deps, f, now);
    audit(deps, by, now, 'patch.added', { id: stored.id, severity: stored.severity, owner: stored.owner, asset: stored.asset, discoveredAt: stored.discoveredAt.toISOString(), dueAt: stored.dueAt.toISOString(), basis: stored.dueBasis });
    return stored;
  });
}
