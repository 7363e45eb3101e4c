import type { z } from 'zod';
import { slugField, strictObject, timeZoneField } from '../platform/config/fields.js';
import { incidentsSection, rolesSection, severitiesSection } from '../features/incidents/index.js';
import { companySection, notificationsSection, templatesSection } from '../features/notifications/index.js';
import { nagsSection, playbooksSection, quietHoursSection } from '../features/playbooks/index.js';
import { channelsSection, jobsSection, limitsSection, slaSection } from './schema-sections.js';
import { permissionsSection } from '../features/access/index.js';
import { pagingSection } from '../features/paging/index.js';
import { reviewsSection } from '../features/reviews/index.js';
import { actionsSection } from '../features/actions/index.js';
import { digestsSection } from '../features/digests/index.js';
import { backupsSection } from '../features/backups/index.js';

/**
 * The schema of warden.yaml, composed from the sections each feature owns (incidents: severities, roles and incident settings;
 * playbooks: playbooks, nags, quiet hours; notifications: notifications, templates, company) and the shared ones. Every key is optional in the file; the parsed value is complete. Durations are
 * text in the file (`30m`) and milliseconds in the parsed config; severities and roles become records keyed
 * by id, in the configured order (most severe first). docs/configuration.md describes each key;
 * warden.schema.json is generated from this.
 */
export const wardenConfigSchema = strictObject({
  company: companySection.describe('The company named in notices: name, contact email, data protection officer.'),
  severities: severitiesSection.describe(
    'The severities, most severe first: a map of id -> {name, description, updateEvery}; or a list that only adjusts sev1..sev4.',
  ),
  defaultSeverity: slugField('a severity id')
    .optional()
    .describe('Severity of `/incident declare <title>` given without one (default: sev3 if configured, else the least severe).'),
  roles: rolesSection.describe(
    'The incident roles: a map of id -> {name, duty} that has commander and comms; or a list that only adjusts the built-in duties.',
  ),
  incidents: incidentsSection.describe(
    'Settings of every incident: privateTypes, the incident types declared private unless the declarer says --public (default: privacy, security).',
  ),
  channels: channelsSection.describe('Where Warden announces incidents and sends managers their digests (name or ID).'),
  timeZone: timeZoneField.default('UTC').describe('Display zone (IANA) for people whose Slack time zone is unknown.'),
  quietHours: quietHoursSection.describe('When nags and reminders to people wait (may cross midnight; start = end: none).'),
  nags: nagsSection.describe('How often and how many times Warden nags the owner of an open playbook step.'),
  permissions: permissionsSection.describe('Warden roles (admin, approver, manager ...) granted to Slack user IDs and user groups.'),
  notifications: notificationsSection.describe('Reminders for notification clocks, enabled regimes and customer contract tiers.'),
  playbooks: playbooksSection.describe('Directories of playbook YAML files.'),
  templates: templatesSection.describe('Directory of notice templates.'),
  sla: slaSection.describe('Patch SLAs, access reviews and the other recurring controls (/patch, /access-review).'),
  paging: pagingSection.describe('Which severities page PagerDuty on declare, and the PagerDuty services Warden may page.'),
  reviews: reviewsSection.describe('Post-incident reviews: when they are due, who owns them, whether closing needs one, reminders.'),
  actions: actionsSection.describe('Action items from incidents: reminders to their owners and escalation.'),
  limits: limitsSection.describe('How many slash commands a person and the whole workspace may send per minute.'),
  jobs: jobsSection.describe('The durable job table: how long finished (done, cancelled) jobs are kept before they are pruned.'),
  backups: backupsSection.describe('Scheduled online backups of the database: directory (default backups/ beside WARDEN_DB), period (default 1h, or off), retention.'),
  digests: digestsSection.describe('Managers\' SLA digests: channel, cron schedule, time zone, sections. Left out: channels.managers at 09:00 Mon-Fri.'),
})
  .superRefine((config, ctx) => {
    const ids = Object.keys(config.severities);
    if (config.defaultSeverity !== undefined && !ids.includes(config.defaultSeverity)) {
      ctx.addIssue({ code: 'custom', path: ['defaultSeverity'], message: `unknown severity "${config.defaultSeverity}": expected one of ${ids.join(', ')}` });
    }
  })
  .transform(({ company, severities, defaultSeverity, ...config }) => ({
    // Working days follow the company's zone; without one, the display zone. No holiday calendar: weekends only.
    company: { ...company, holidays: company.holidays ?? null, timeZone: company.timeZone ?? config.timeZone },
    severities,
    defaultSeverity: defaultSeverity ?? fallbackSeverity(Object.keys(severities)),
    ...config,
    // No `digests` key: the default digest (see digestSchedulesFrom); null keeps that apart from `[]` (none).
    digests: config.digests ?? null,
    // Quiet hours without their own zone follow the display zone.
    quietHours: { ...config.quietHours, timeZone: config.quietHours.timeZone ?? config.timeZone },
  }));

/** Today's default when the set has it (sev3), else the least severe configured severity. */
function fallbackSeverity(ids: readonly string[]): string {
  return ids.includes('sev3') ? 'sev3' : (ids[ids.length - 1] ?? 'sev3');
}

/** The parsed warden.yaml, complete with defaults. */
export type WardenConfig = z.output<typeof wardenConfigSchema>;
/** What a person may write in warden.yaml (every key optional). */
export type WardenConfigInput = z.input<typeof wardenConfigSchema>;
