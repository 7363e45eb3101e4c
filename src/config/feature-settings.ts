import type { WardenConfig } from './schema.js';
import { ALL_IN_FORCE, buildClockCatalog, toEntity, listTemplates, loadRegimeCatalog, loadTemplate, type ClockCatalog, type Regime, type ClockSettings, type LeadTime } from '../features/notifications/index.js';
import type { NagSettings } from '../features/playbooks/index.js';
import { WardenError } from '../platform/errors.js';
import { DEFAULT_SERVICE, type PagingPolicy, type PagingService } from '../features/paging/index.js';
import { formatProblem } from '../platform/yaml-validate.js';
import type { FollowUpPolicy } from '../platform/calendar/follow-up.js';
import type { WorkingCalendar } from '../platform/calendar/working-days.js';
import type { ReviewPolicy } from '../features/reviews/index.js';
import { DEFAULT_SCANNER_SEVERITIES, type PatchPolicy } from '../features/patches/index.js';
import type { ControlDefinition } from '../features/access-reviews/index.js';
import { DIGEST_SECTIONS, type DigestSchedule } from '../features/digests/index.js';
import type { BackupsOptions } from '../features/backups/index.js';

// What each feature reads of warden.yaml: the composition adapts the parsed file to the features' own options,
// so no feature knows the file's shape.

/** warden.yaml's `nags` and `quietHours` as the nag rules read them. */
export function nagSettingsFrom(config: Pick<WardenConfig, 'nags' | 'quietHours'>): NagSettings {
  const { start, end, timeZone } = config.quietHours;
  return { every: config.nags.every, maxPerStep: config.nags.maxPerStep, quietHours: start === end ? null : { start, end, timeZone } };
}

/**
 * Loads and validates the regime catalog and adds the customer tiers.
 * @throws WardenError('config_invalid') listing every problem as `file:line path: message`, so start-up stops.
 */
export function loadClockCatalog(config: WardenConfig, regimeDirs: readonly string[] = ['regimes']): ClockCatalog {
  return clockCatalogOf(config, loadRegimes(config, regimeDirs));
}

/**
 * The regime files in `regimeDirs` plus notifications.regimes.extraDirs, parsed and validated.
 * @throws WardenError('config_invalid') listing every problem as `file:line path: message`.
 */
export function loadRegimes(config: WardenConfig, regimeDirs: readonly string[]): ReadonlyMap<string, Regime> {
  const loaded = loadRegimeCatalog([...regimeDirs, ...config.notifications.regimes.extraDirs]);
  if (!loaded.ok) throw new WardenError('config_invalid', `the regime catalog is invalid:\n${loaded.problems.map(formatProblem).join('\n')}`);
  return loaded.catalog.regimes;
}

/** The clock catalog of already loaded regimes: the enabled ones and the customer tiers. */
export function clockCatalogOf(config: WardenConfig, regimes: ReadonlyMap<string, Regime>): ClockCatalog {
  const n = config.notifications;
  const enabled = n.regimes.enabled === ALL_IN_FORCE ? null : n.regimes.enabled;
  const tiers = n.customerTiers.map((t) => ({ name: t.name, anchor: t.anchor, withinMs: t.within, description: t.description }));
  return buildClockCatalog(regimes, enabled, tiers, config.timeZone, config.company.entities.map(toEntity));
}

/** `eventJobKinds`: job kinds of other modules to queue when a clock event is recorded or corrected. */
export function clockSettingsFrom(config: WardenConfig, eventJobKinds: readonly string[] = []): ClockSettings {
  const n = config.notifications;
  const dir = config.templates.dir;
  return {
    policy: {
      leadTimes: n.reminderLeadTimes.map(leadTimeText),
      afterDue: { every: `${Math.round(n.afterDueEvery / 1000)}s`, max: n.afterDueMax },
      managersChannel: config.channels.managers || null,
      company: config.company,
      eventJobKinds,
    },
    templates: { load: (name) => loadTemplate(dir, name), list: () => listTemplates(dir) },
  };
}

/** A parsed lead time back into the text `reminderTimes` reads. */
const leadTimeText = (lead: LeadTime): string =>
  lead.kind === 'elapsed' ? `${lead.percent}%` : lead.ms === 0 ? '0' : `${Math.round(lead.ms / 1000)}s`;

/**
 * warden.yaml's `paging` with its routing keys read from the environment: `default` is PAGERDUTY_ROUTING_KEY,
 * each configured service names its own variable. A severity in `pageOn` that is not configured is refused.
 */
export function pagingPolicyFrom(config: WardenConfig, defaultRoutingKey: string | null, env: Readonly<Record<string, string | undefined>> = {}): PagingPolicy {
  const p = config.paging;
  const pageOn = p.pageOn ?? Object.keys(config.severities).slice(0, 2);
  const check = (path: string, list: readonly string[]) => {
    const unknown = list.filter((s) => !Object.hasOwn(config.severities, s));
    if (unknown.length) throw new WardenError('config_invalid', `${path}: ${unknown.join(', ')} is not a configured severity (${Object.keys(config.severities).join(', ')})`);
  };
  check('paging.pageOn', pageOn);
  const key = (name: string) => (env[name] ? env[name] : null);
  const services: Record<string, PagingService> = {
    [DEFAULT_SERVICE]: { name: DEFAULT_SERVICE, routingKey: defaultRoutingKey, routingKeyEnv: 'PAGERDUTY_ROUTING_KEY', serviceId: p.defaultServiceId ?? null, pageOn },
  };
  for (const [name, s] of Object.entries(p.services)) {
    check(`paging.services.${name}.pageOn`, s.pageOn);
    services[name] = { name, routingKey: key(s.routingKeyEnv), routingKeyEnv: s.routingKeyEnv, serviceId: s.serviceId ?? null, pageOn: s.pageOn };
  }
  return { services, acknowledgeOnCommander: p.acknowledgeOnCommander, privateTitles: p.privateTitles, phoneAfterMs: p.phoneAfter, fromEmail: p.fromEmail ?? null, severityOrder: Object.keys(config.severities) };
}

/** The company's working days: its holiday calendar (none: weekends only) in its zone. */
export function workingCalendarOf(config: Pick<WardenConfig, 'company'>): WorkingCalendar {
  return { zone: config.company.timeZone, holidays: config.company.holidays };
}

type FollowUpConfig = WardenConfig['reviews']['reminders'];

/** A `reminders` section (reviews, actions ...) with the quiet hours and the company's working days. */
export function followUpPolicyFrom(config: WardenConfig, reminders: FollowUpConfig): FollowUpPolicy {
  const { quietHours } = nagSettingsFrom(config);
  return { ...reminders, quietHours, calendar: workingCalendarOf(config) };
}

/** warden.yaml's `reviews`; a severity or an owner role that is not configured is refused. */
export function reviewPolicyFrom(config: WardenConfig): ReviewPolicy {
  const r = config.reviews;
  const dueWithin = r.dueWithin ?? defaultDueWithin(Object.keys(config.severities));
  const unknown = Object.keys(dueWithin).filter((s) => !Object.hasOwn(config.severities, s));
  if (unknown.length) throw new WardenError('config_invalid', `reviews.dueWithin: ${unknown.join(', ')} is not a configured severity (${Object.keys(config.severities).join(', ')})`);
  if (!Object.hasOwn(config.roles, r.owner)) throw new WardenError('config_invalid', `reviews.owner: "${r.owner}" is not a configured role (${Object.keys(config.roles).join(', ')})`);
  const dueWithinDays = Object.fromEntries(Object.entries(dueWithin).flatMap(([s, d]) => (d === 'none' ? [] : [[s, d]])));
  return { dueWithinDays, ownerRole: r.owner, requiredToClose: r.requiredToClose, followUp: followUpPolicyFrom(config, r.reminders), calendar: workingCalendarOf(config) };
}

/** Without `reviews.dueWithin`: the three most severe get a review within 5, 10 and 15 business days, the rest none. */
function defaultDueWithin(severities: readonly string[]): Record<string, number> {
  return Object.fromEntries(severities.slice(0, 3).map((s, i) => [s, [5, 10, 15][i] ?? 15]));
}

/** `sla.patch`: the SLA per severity, the owners' reminders, the scanner severity table over the built-in one. */
export function patchPolicyFrom(config: WardenConfig): PatchPolicy {
  const { critical, high, medium, low, reminders, scannerSeverities } = config.sla.patch;
  return { slaMs: { critical, high, medium, low }, followUp: followUpPolicyFrom(config, reminders), scannerSeverities: { ...DEFAULT_SCANNER_SEVERITIES, ...scannerSeverities } };
}

/** `sla.accessReview.systems` (each an access review) and `sla.controls`; an id used twice is refused. */
export function controlsFrom(config: WardenConfig): ControlDefinition[] {
  const { accessReview, controls } = config.sla;
  const systems = accessReview.systems.map((s): ControlDefinition => ({ id: s.system, name: `Access review: ${s.system}`, type: 'access-review', kind: 'manual', owner: s.owner ?? null, every: s.every ?? accessReview.every, evidence: 'who has access, and what was removed' }));
  const others = controls.map((c): ControlDefinition => ({ id: c.id, name: c.name, type: 'control', kind: c.kind, owner: c.owner ?? null, every: c.every, evidence: c.evidence ?? null }));
  const all = [...systems, ...others];
  const twice = all.map((c) => c.id).filter((id, i, ids) => ids.indexOf(id) !== i);
  if (twice.length) throw new WardenError('config_invalid', `sla: the id ${[...new Set(twice)].join(', ')} names two systems or controls; each needs its own`);
  return all;
}

/** `digests`; left out: one to `channels.managers` at 09:00 Monday to Friday in `timeZone`. */
export function digestSchedulesFrom(config: WardenConfig): DigestSchedule[] {
  const listed = config.digests ?? (config.channels.managers ? [{ channel: config.channels.managers, schedule: '0 9 * * 1-5', sections: undefined, timeZone: undefined }] : []);
  return listed.map((d) => ({ channel: d.channel, schedule: d.schedule, timeZone: d.timeZone ?? config.timeZone, sections: d.sections ?? DIGEST_SECTIONS }));
}

/** warden.yaml `backups`: no `dir` means `backups/` beside WARDEN_DB (the feature knows the database's path). */
export function backupSettingsFrom(config: Pick<WardenConfig, 'backups'>): BackupsOptions {
  const { dir, every, keep } = config.backups;
  return { dir: dir ?? null, everyMs: every, keep: { hourly: keep.hourly, daily: keep.daily } };
}
