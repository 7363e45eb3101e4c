/**
 * The entity `warden deadlines` computes for: `--entity NAME` from warden.yaml's company.entities, or ad hoc
 * `--entity-type`, `--country` and `--tz`. The config loader is imported only for `--entity`, so the
 * command stays fast without it.
 */
import { ENTITY_TYPES, isEntityType, type Entity } from '../../features/notifications/domain/deadlines/entity.js';
import { isKnownHolidayCalendar } from '../../platform/calendar/business-calendar.js';
import { isTimeZone } from '../../platform/calendar/zones.js';

/** A bad argument: its message names the problem and the allowed values. */
export class UsageError extends Error {}

export interface EntityArgs {
  entity?: string | undefined;
  'entity-type'?: string | undefined;
  country?: string | undefined;
  tz?: string | undefined;
  'dora-relief-excluded'?: boolean | undefined;
}

const AD_HOC = ['entity-type', 'country', 'tz'] as const;

/** null when no entity flag is given (the deadlines then warn about what that leaves out). */
export async function entityFrom(args: EntityArgs, env: NodeJS.ProcessEnv): Promise<Entity | null> {
  const adHoc = AD_HOC.filter((k) => args[k] !== undefined);
  if (args.entity !== undefined && adHoc.length > 0) {
    throw new UsageError(`--entity takes the entity from the configuration; do not combine it with ${adHoc.map((k) => `--${k}`).join(', ')}`);
  }
  if (args.entity !== undefined) return configuredEntity(args.entity, env);
  if (adHoc.length === 0) {
    if (args['dora-relief-excluded']) throw new UsageError('--dora-relief-excluded needs an entity: give --entity-type, --country and --tz');
    return null;
  }
  return adHocEntity(args);
}

function adHocEntity(args: EntityArgs): Entity {
  const missing = AD_HOC.filter((k) => args[k] === undefined);
  if (missing.length > 0) throw new UsageError(`an ad hoc entity needs --entity-type, --country and --tz; missing ${missing.map((k) => `--${k}`).join(', ')}`);
  const type = args['entity-type'] ?? '';
  if (!isEntityType(type)) throw new UsageError(`unknown entity type "${type}"; one of: ${ENTITY_TYPES.join(', ')}`);
  const country = (args.country ?? '').toUpperCase();
  if (!/^[A-Z]{2}$/.test(country) || !isKnownHolidayCalendar(country)) {
    throw new UsageError(`unknown country "${args.country ?? ''}": expected an ISO 3166 alpha-2 code with a public-holiday calendar, like DE or FI`);
  }
  const zone = args.tz ?? '';
  if (!isTimeZone(zone)) throw new UsageError(`unknown time zone "${zone}": expected an IANA zone like Europe/Helsinki`);
  return { name: `${type} in ${country}`, type, country, zone, doraReliefExcluded: args['dora-relief-excluded'] ?? false };
}

/**
 * Reads only the `company` section of warden.yaml: the whole schema loads every feature, which would double the
 * command's start-up; `warden config check` validates the rest.
 */
async function configuredEntity(name: string, env: NodeJS.ProcessEnv): Promise<Entity> {
  const { readFileSync } = await import('node:fs');
  const { z } = await import('zod');
  const { companySection, toEntity } = await import('../../features/notifications/config/sections.js');
  const { formatProblem, parseYamlWith } = await import('../../platform/yaml-validate.js');
  const path = env.WARDEN_CONFIG?.trim() || './warden.yaml';
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new UsageError(`--entity ${name}: no configuration file at ${path} (set WARDEN_CONFIG); or give --entity-type, --country and --tz`);
  }
  const parsed = parseYamlWith(z.looseObject({ company: companySection }), text, path);
  if (!parsed.ok) throw new UsageError(`--entity ${name}: the configuration is invalid:\n${parsed.problems.map(formatProblem).join('\n')}`);
  const entities = parsed.value.company.entities;
  const found = entities.find((e) => e.name === name);
  if (!found) {
    const known = entities.length > 0 ? `configured entities: ${entities.map((e) => e.name).join(', ')}` : `${path} configures no company.entities`;
    throw new UsageError(`unknown entity "${name}"; ${known}`);
  }
  return toEntity(found);
}
