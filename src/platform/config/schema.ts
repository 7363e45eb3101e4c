import type { z } from 'zod';
import { strictObject, timeZoneField } from './fields.js';
import { notificationsSection } from './schema-notifications.js';
import {
  channelsSection,
  companySection,
  nagsSection,
  permissionsSection,
  playbooksSection,
  quietHoursSection,
  rolesSection,
  severitiesSection,
  slaSection,
  templatesSection,
} from './schema-sections.js';

/**
 * The schema of warden.yaml. Every key is optional in the file; the parsed value is complete. Durations are
 * text in the file (`30m`) and milliseconds in the parsed config; severities and roles become records keyed
 * by name. docs/configuration.md describes each key; warden.schema.json is generated from this.
 */
export const wardenConfigSchema = strictObject({
  company: companySection.describe('The company named in notices: name, contact email, data protection officer.'),
  severities: severitiesSection.describe('Severity descriptions and update cadences; severities not listed keep their defaults.'),
  roles: rolesSection.describe('Duty texts of the incident roles; roles not listed keep their defaults.'),
  channels: channelsSection.describe('Where Warden announces incidents and sends managers their digests (name or ID).'),
  timeZone: timeZoneField.default('UTC').describe('Display zone (IANA) for people whose Slack time zone is unknown.'),
  quietHours: quietHoursSection.describe('When nags and reminders to people wait (may cross midnight; start = end: none).'),
  nags: nagsSection.describe('How often and how many times Warden nags the owner of an open playbook step.'),
  permissions: permissionsSection.describe('Slack user IDs allowed to approve notices and to change configuration.'),
  notifications: notificationsSection.describe('Reminders for notification clocks, enabled regimes and customer contract tiers.'),
  playbooks: playbooksSection.describe('Directories of playbook YAML files.'),
  templates: templatesSection.describe('Directory of notice templates.'),
  sla: slaSection.describe('Patch and access-review service levels (used by /patch and /access-review).'),
}).transform((config) => ({
  ...config,
  // Quiet hours without their own zone follow the display zone.
  quietHours: { ...config.quietHours, timeZone: config.quietHours.timeZone ?? config.timeZone },
}));

/** The parsed warden.yaml, complete with defaults. */
export type WardenConfig = z.output<typeof wardenConfigSchema>;
/** What a person may write in warden.yaml (every key optional). */
export type WardenConfigInput = z.input<typeof wardenConfigSchema>;
