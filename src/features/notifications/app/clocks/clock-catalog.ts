import { parseIsoDuration } from '../../domain/deadlines/iso-duration.js';
import type { Entity } from '../../domain/deadlines/entity.js';
import type { Regime } from '../../domain/deadlines/regime.js';
import { WardenError } from '../../../../platform/errors.js';
import type { ClockEvent } from '../../../incidents/index.js';
import { echoId } from './echo.js';

/** Where an obligation comes from: a law or regulation (the regime catalog) or a customer contract (warden.yaml). */
export const OBLIGATION_KINDS = ['law', 'contract'] as const;
export type ObligationKind = (typeof OBLIGATION_KINDS)[number];

export interface CatalogEntry {
  readonly regime: Regime;
  readonly kind: ObligationKind;
  /** Enabled in warden.yaml (`notifications.regimes.enabled`); contracts always are. */
  readonly enabled: boolean;
}

/** Every obligation an incident can be put under, by id (`gdpr`, `contract:enterprise` ...). */
export interface ClockCatalog {
  readonly entries: ReadonlyMap<string, CatalogEntry>;
  /** The entity incidents' deadlines are computed for unless one is chosen (the first of company.entities); null: none configured. */
  readonly entity?: Entity | null;
  /** Every entity of company.entities, in order: an incident may be put under any of them. */
  readonly entities?: readonly Entity[];
}

/** A contractual duty to notify customers (`notifications.customerTiers`). */
export interface CustomerTier {
  readonly name: string;
  readonly anchor: ClockEvent;
  readonly withinMs: number;
  readonly description: string;
}

export const CONTRACT_PREFIX = 'contract:';
export const CONTRACT_STAGE = 'customers';

/**
 * Builds the catalog from the loaded regimes, the enabled list (null = every regime in force that is
 * enabled by default) and the customer tiers.
 * @throws WardenError('config_invalid') when the enabled list names a regime the catalog does not have.
 */
export function buildClockCatalog(
  regimes: ReadonlyMap<string, Regime>,
  enabled: readonly string[] | null,
  tiers: readonly CustomerTier[],
  zone: string,
  entities: readonly Entity[] = [],
): ClockCatalog {
  const unknown = (enabled ?? []).filter((id) => !regimes.has(id));
  if (unknown.length > 0) {
    throw new WardenError(
      'config_invalid',
      `notifications.regimes.enabled: unknown regime ${unknown.map((id) => `"${id}"`).join(', ')}; known: ${[...regimes.keys()].join(', ')}`,
    );
  }
  const entries = new Map<string, CatalogEntry>();
  for (const [id, regime] of regimes) {
    const on = enabled ? enabled.includes(id) : regime.status === 'in_force' && regime.enabledByDefault;
    entries.set(id, { regime, kind: 'law', enabled: on });
  }
  for (const tier of tiers) {
    const regime = contractRegime(tier, zone);
    entries.set(regime.id, { regime, kind: 'contract', enabled: true });
  }
  return { entries, entity: entities[0] ?? null, entities };
}

/** Ids an incident may be put under: enabled and not proposed. */
export const applicableIds = (catalog: ClockCatalog): string[] =>
  [...catalog.entries.values()].filter((e) => e.enabled && e.regime.status !== 'proposed').map((e) => e.regime.id);

/**
 * The catalog entry of an id a person asked to apply.
 * @throws WardenError('not_found') listing the ids that can be applied; ('not_allowed') for a proposed or disabled regime.
 */
export function requireApplicable(catalog: ClockCatalog, id: string): CatalogEntry {
  const entry = catalog.entries.get(id);
  if (!entry) {
    throw new WardenError('not_found', `Unknown regime ${echoId(id)}. Available: ${applicableIds(catalog).join(', ')}.`);
  }
  if (entry.regime.status === 'proposed') {
    throw new WardenError('not_allowed', `${entry.regime.name} is a *proposed* rule, not law yet${entry.regime.statusNote ? ` (${entry.regime.statusNote})` : ''}; it cannot be applied to an incident.`);
  }
  if (!entry.enabled) {
    throw new WardenError('not_allowed', `${entry.regime.name} is not enabled here (warden.yaml \`notifications.regimes.enabled\`). Ask your Warden admin to enable it.`);
  }
  return entry;
}

/** A customer tier as a one-stage, hours-counted obligation, labelled as a contract, never as law. */
export function contractRegime(tier: CustomerTier, zone: string): Regime {
  const offset = parseIsoDuration(isoHoursText(tier.withinMs));
  if (!offset) throw new WardenError('config_invalid', `customer tier ${tier.name}: cannot express ${tier.withinMs} ms as a period`);
  return {
    id: `${CONTRACT_PREFIX}${tier.name}`,
    name: `Customer contract (${tier.name})`,
    referenceId: null,
    jurisdiction: { name: 'contract', zone, holidays: '' },
    status: 'in_force',
    statusNote: null,
    enabledByDefault: true,
    whoNotifies: 'the company, under its customer contracts',
    trigger: { anchor: { kind: 'event', event: tier.anchor }, description: tier.description },
    stages: [
      {
        id: CONTRACT_STAGE,
        recipient: `affected ${tier.name} customers`,
        anchor: { kind: 'event', event: tier.anchor },
        offset,
        clock: 'calendar_hours',
        notLaterThan: null,
        internalTarget: null,
        hardDeadline: true,
        condition: null,
        text: tier.description,
        notes: null,
        verification: null,
        weekendRuleApplies: false,
      },
    ],
    weekendRule: null,
    citation: 'customer contracts (warden.yaml notifications.customerTiers)',
    sources: [],
    verification: 'verified',
    notes: null,
    openQuestions: [],
  };
}

/** 86_400_000 -> `PT24H`; 5_400_000 -> `PT90M`; elapsed time, as a contract's "within 24 hours" means. */
function isoHoursText(ms: number): string {
  if (ms % 3_600_000 === 0) return `PT${ms / 3_600_000}H`;
  if (ms % 60_000 === 0) return `PT${ms / 60_000}M`;
  return `PT${Math.round(ms / 1000)}S`;
}
