/**
 * `warden deadlines`: computes a regime's notification deadlines from given event times.
 *
 *   warden deadlines --regime <id> --event <event>=<ISO time> [--event ...] [--submitted <stage>=<ISO time>]
 *                    [--entity NAME | --entity-type TYPE --country CC --tz ZONE [--dora-relief-excluded]] [--json]
 *
 * Exit codes: 0 printed, 1 the regime catalog is invalid, 2 bad input (named, with the allowed values).
 */
import { parseArgs } from 'node:util';
import { computeDeadlines } from '../../features/notifications/domain/deadlines/compute-deadlines.js';
import { deadlineToJson, describeDeadline, describeRegime } from '../../features/notifications/domain/deadlines/deadline-report.js';
import type { Regime } from '../../features/notifications/domain/deadlines/regime.js';
import type { DeadlineInput, StageDeadline } from '../../features/notifications/domain/deadlines/stage-deadline.js';
import { CLOCK_EVENTS, type ClockEvent } from '../../features/incidents/domain/incident-model.js';
import { loadRegimeCatalog } from '../../features/notifications/files/load-regimes.js';
import { formatProblem } from '../../platform/yaml-validate.js';
import { entityFrom, UsageError } from './deadline-entity.js';

export interface DeadlinesIo {
  out(s: string): void;
  err(s: string): void;
}

export const DEADLINES_USAGE = [
  'usage: warden deadlines --regime <id> --event <event>=<ISO time> [--event ...] [--submitted <stage>=<ISO time>]',
  '                        [--entity NAME | --entity-type TYPE --country CC --tz ZONE [--dora-relief-excluded]] [--json]',
  '  --entity NAME   an entity of company.entities in WARDEN_CONFIG (its type, country and zone)',
  '  --entity-type   e.g. credit_institution, payment_institution, nis2_essential; --country ISO 3166 alpha-2; --tz IANA zone',
].join('\n');

const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * Runs `warden deadlines` with the arguments after `deadlines`. Reads the regime catalog from
 * `catalogDirs` (later directories override earlier ones) and computes statuses relative to `now`.
 * `env` gives WARDEN_CONFIG for `--entity`. Returns the exit code.
 */
export async function runDeadlines(argv: string[], io: DeadlinesIo, catalogDirs: string[], now: Date, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv);
  } catch (e) {
    io.err(`warden deadlines: ${(e as Error).message}\n${DEADLINES_USAGE}`);
    return 2;
  }
  if (args.help) {
    io.out(DEADLINES_USAGE);
    return 0;
  }
  const loaded = loadRegimeCatalog(catalogDirs);
  if (!loaded.ok) {
    for (const p of loaded.problems) io.err(formatProblem(p));
    return 1;
  }
  try {
    const regime = pickRegime(args.regime, loaded.catalog.regimes);
    const input = toInput(regime, args.event ?? [], args.submitted ?? []);
    const entity = await entityFrom(args, env);
    const list = computeDeadlines(regime, input, now, { entity });
    if (args.json) io.out(JSON.stringify(list.map(deadlineToJson), null, 2));
    else io.out(describeAll(regime, entity?.name ?? null, list).join('\n').trimEnd());
    return 0;
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.err(`warden deadlines: ${e.message}`);
    return 2;
  }
}

function parse(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      regime: { type: 'string' },
      event: { type: 'string', multiple: true },
      submitted: { type: 'string', multiple: true },
      entity: { type: 'string' },
      'entity-type': { type: 'string' },
      country: { type: 'string' },
      tz: { type: 'string' },
      'dora-relief-excluded': { type: 'boolean' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  return values;
}

/** The regime header, the warnings every stage shares (once), then each stage. */
function describeAll(regime: Regime, entityName: string | null, list: StageDeadline[]): string[] {
  const shared = (list[0]?.warnings ?? []).filter((w) => list.every((s) => s.warnings.includes(w)));
  const head = [...describeRegime(regime), `entity: ${entityName ?? 'none given'}`, ...shared.map((w) => `WARN ${w}`)];
  return [...head, '', ...list.flatMap((s) => [...describeDeadline(s, shared), ''])];
}

function pickRegime(id: string | undefined, regimes: ReadonlyMap<string, Regime>): Regime {
  const allowed = [...regimes.keys()].join(', ');
  if (!id) throw new UsageError(`missing --regime; one of: ${allowed}`);
  const regime = regimes.get(id);
  if (!regime) throw new UsageError(`unknown regime "${id}"; one of: ${allowed}`);
  return regime;
}

function toInput(regime: Regime, events: string[], submitted: string[]): DeadlineInput {
  const eventTimes: Partial<Record<ClockEvent, Date>> = {};
  for (const [name, at] of events.map((e) => splitPair('--event', e, 'EVENT'))) {
    if (!(CLOCK_EVENTS as readonly string[]).includes(name)) throw new UsageError(`unknown event "${name}"; one of: ${CLOCK_EVENTS.join(', ')}`);
    if (eventTimes[name as ClockEvent]) throw new UsageError(`event "${name}" given twice`);
    eventTimes[name as ClockEvent] = parseTime(at, name);
  }
  const stageIds = regime.stages.map((s) => s.id);
  const submissions: Record<string, Date> = {};
  for (const [stage, at] of submitted.map((e) => splitPair('--submitted', e, 'STAGE'))) {
    if (!stageIds.includes(stage)) throw new UsageError(`unknown stage "${stage}" of regime ${regime.id}; one of: ${stageIds.join(', ')}`);
    if (submissions[stage]) throw new UsageError(`submission of "${stage}" given twice`);
    submissions[stage] = parseTime(at, stage);
  }
  return { events: eventTimes, submissions };
}

/** JS dates roll 30 February over to March; a person who typed it made a mistake. */
function isCalendarDate(text: string): boolean {
  const [y, m, d] = text.slice(0, 10).split('-').map(Number) as [number, number, number];
  return m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function splitPair(flag: string, text: string, what: string): [string, string] {
  const i = text.indexOf('=');
  if (i <= 0) throw new UsageError(`${flag} expects ${what}=<ISO time>, got "${text}"`);
  return [text.slice(0, i), text.slice(i + 1)];
}

function parseTime(text: string, name: string): Date {
  const d = new Date(text);
  if (!ISO_WITH_ZONE.test(text) || Number.isNaN(d.getTime()) || !isCalendarDate(text)) {
    throw new UsageError(`unparseable time "${text}" for ${name}: expected ISO 8601 with a zone, e.g. 2025-03-28T10:00:00Z or 2025-03-28T11:00:00+01:00`);
  }
  return d;
}
