import { z } from 'zod';
import { INCIDENT_ROLES, SEVERITIES, type IncidentRole, type Severity } from '../../features/incidents/domain/incident-model.js';
import { ACCESS_REVIEW_CADENCES, DEFAULT_PATCH_SLA, DEFAULT_ROLE_DUTIES, DEFAULT_SEVERITIES } from './defaults.js';
import {
  channelField,
  countField,
  durationField,
  emailField,
  uniqueNames,
  strictObject,
  textField,
  timeOfDayField,
  timeZoneField,
  userIdField,
} from './fields.js';

/** The sections of warden.yaml other than `notifications`. Each section defaults as a whole and per key. */

export const companySection = strictObject({
  name: textField('the company name').default('Example Ltd'),
  contactEmail: emailField.default('security@example.com'),
  dpoContact: textField('how to reach the data protection officer').default('dpo@example.com'),
}).prefault({});

const severityEntry = strictObject({
  name: z.enum(SEVERITIES, { error: `expected one of ${SEVERITIES.join(', ')}` }),
  description: textField('a description').optional(),
  updateEvery: durationField.optional(),
});

export interface SeverityPolicy {
  name: Severity;
  description: string;
  /** How often the incident channel expects a status update, in milliseconds. */
  updateEvery: number;
}

/** A listed severity overrides only the keys it sets; severities not listed keep their defaults. */
export const severitiesSection = z
  .array(severityEntry, { error: 'expected a list of severities (- name: sev1 ...)' })
  .check(uniqueNames('severity'))
  .prefault([])
  .transform((entries) => {
    const bySeverity = {} as Record<Severity, SeverityPolicy>;
    for (const name of SEVERITIES) {
      const entry = entries.find((e) => e.name === name);
      const fallback = DEFAULT_SEVERITIES[name];
      bySeverity[name] = {
        name,
        description: entry?.description ?? fallback.description,
        updateEvery: entry?.updateEvery ?? durationField.parse(fallback.updateEvery),
      };
    }
    return bySeverity;
  });

const roleEntry = strictObject({
  name: z.enum(INCIDENT_ROLES, { error: `expected one of ${INCIDENT_ROLES.join(', ')}` }),
  duty: textField('a one-paragraph duty'),
});

export interface RoleDuty {
  name: IncidentRole;
  duty: string;
}

/** A listed role replaces its duty text; roles not listed keep their defaults. */
export const rolesSection = z
  .array(roleEntry, { error: 'expected a list of roles (- name: commander ...)' })
  .check(uniqueNames('role'))
  .prefault([])
  .transform((entries) => {
    const byRole = {} as Record<IncidentRole, RoleDuty>;
    for (const name of INCIDENT_ROLES) {
      byRole[name] = { name, duty: entries.find((e) => e.name === name)?.duty ?? DEFAULT_ROLE_DUTIES[name] };
    }
    return byRole;
  });

export const channelsSection = strictObject({
  announcements: channelField.prefault('incidents'),
  managers: channelField.prefault('security-managers'),
}).prefault({});

/** `timeZone` is optional here: the top level fills it from the display `timeZone`. */
export const quietHoursSection = strictObject({
  start: timeOfDayField.default('22:00'),
  end: timeOfDayField.default('07:00'),
  timeZone: timeZoneField.optional(),
}).prefault({});

export const nagsSection = strictObject({
  every: durationField.prefault('4h'),
  maxPerStep: countField(0, 100).default(3),
}).prefault({});

export const permissionsSection = strictObject({
  approvers: z.array(userIdField, { error: 'expected a list of Slack user IDs' }).default([]),
  admins: z.array(userIdField, { error: 'expected a list of Slack user IDs' }).default([]),
}).prefault({});

export const playbooksSection = strictObject({
  dirs: z.array(textField('a directory'), { error: 'expected a list of directories' }).default(['playbooks']),
}).prefault({});

export const templatesSection = strictObject({
  dir: textField('a directory').default('templates'),
}).prefault({});

export const slaSection = strictObject({
  patch: strictObject({
    critical: durationField.prefault(DEFAULT_PATCH_SLA.critical),
    high: durationField.prefault(DEFAULT_PATCH_SLA.high),
    medium: durationField.prefault(DEFAULT_PATCH_SLA.medium),
    low: durationField.prefault(DEFAULT_PATCH_SLA.low),
  }).prefault({}),
  accessReview: strictObject({
    every: z.enum(ACCESS_REVIEW_CADENCES, { error: `expected one of ${ACCESS_REVIEW_CADENCES.join(', ')}` }).default('monthly'),
  }).prefault({}),
}).prefault({});
