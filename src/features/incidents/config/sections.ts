import { z } from 'zod';
import { DEFAULT_ROLE_IDS, DEFAULT_SEVERITY_IDS, REQUIRED_ROLES, type IncidentRole, type Severity } from '../domain/incident-model.js';
import { VOCABULARY_ID, type IncidentVocabulary } from '../domain/vocabulary.js';
import { DEFAULT_ROLE_DUTIES, DEFAULT_SEVERITIES } from './defaults.js';
import {
  durationField,
  uniqueNames,
  listOrMap,
  strictObject,
  textField,
} from '../../../platform/config/fields.js';

/** The incidents feature's sections of warden.yaml: `severities` and `roles` (the vocabulary of an incident). */

const BUILT_IN_SEVERITIES = DEFAULT_SEVERITY_IDS.join(', ');
const BUILT_IN_ROLES = DEFAULT_ROLE_IDS.join(', ');
const MAX_SEVERITIES = 10;
const MAX_ROLES = 12;
const ID_MESSAGE = 'expected an id: a lowercase letter, then lowercase letters, digits, - or _ (at most 24)';
const idKey = z.string().regex(VOCABULARY_ID, ID_MESSAGE);
/** zod reports a bad record key as "Invalid key in record"; say what an id looks like instead. */
const keyError = (issue: { code?: string }) => (issue.code === 'invalid_key' ? ID_MESSAGE : undefined);

export interface SeverityPolicy {
  id: Severity;
  /** Display name; the id when none is configured. */
  name: string;
  description: string;
  /** How often the incident channel expects a status update, in milliseconds. */
  updateEvery: number;
  /** Whether the commander's update reminders go out during quiet hours too (a sev1 may want them at 3 a.m.). */
  ignoreQuietHours: boolean;
}

export interface RoleDuty {
  id: IncidentRole;
  name: string;
  duty: string;
}

const ignoreQuietHours = z
  .boolean({ error: 'expected true or false' })
  .optional()
  .describe("true: the commander's update reminders of this severity go out during quiet hours too (default false).");

const displayName = textField('a display name').pipe(z.string().max(40, 'expected a display name of at most 40 characters'));

// The list form (`- name: sev1`) adjusts the texts of the built-in severities, as warden.yaml always could.
const legacySeverityEntry = strictObject({
  name: z.enum(DEFAULT_SEVERITY_IDS, {
    error: `expected one of ${BUILT_IN_SEVERITIES} (a list only adjusts the built-in severities; write severities as a map keyed by id to define your own)`,
  }),
  description: textField('a description').optional(),
  updateEvery: durationField.optional(),
  ignoreQuietHours,
});

const legacySeverities = z
  .array(legacySeverityEntry, { error: 'expected a map of severities (p1: {description: ..., updateEvery: 30m}) or a list (- name: sev1 ...)' })
  .check(uniqueNames('severity'))
  .transform((entries) =>
    byId(DEFAULT_SEVERITY_IDS, (id) => {
      const entry = entries.find((e) => e.name === id);
      return severityPolicy(id, { description: entry?.description, updateEvery: entry?.updateEvery, ignoreQuietHours: entry?.ignoreQuietHours });
    }),
  );

const severityEntry = strictObject({
  name: displayName.optional(),
  description: textField('a description').optional(),
  updateEvery: durationField.optional(),
  ignoreQuietHours,
}).nullable();

/** The map form: the whole set, most severe first. Built-in ids may leave out texts they have defaults for. */
const severityMap = z
  .record(idKey, severityEntry, { error: keyError })
  .superRefine((map, ctx) => {
    const ids = Object.keys(map);
    if (ids.length === 0) ctx.addIssue({ code: 'custom', message: 'expected at least one severity' });
    if (ids.length > MAX_SEVERITIES) ctx.addIssue({ code: 'custom', message: `expected at most ${MAX_SEVERITIES} severities` });
    for (const [id, entry] of Object.entries(map)) {
      if (isBuiltInSeverity(id)) continue;
      const hint = `(${id} is not built in, so it has no default)`;
      if (!entry?.description) ctx.addIssue({ code: 'custom', path: [id, 'description'], message: `expected a description ${hint}` });
      if (!entry?.updateEvery) ctx.addIssue({ code: 'custom', path: [id, 'updateEvery'], message: `expected a duration like 30m ${hint}` });
    }
  })
  .transform((map) => byId(Object.keys(map), (id) => severityPolicy(id, map[id] ?? {})));

/**
 * `severities`: a map keyed by id, most severe first (the set is yours), or the older list form that only
 * adjusts sev1 to sev4. Either way the parsed value is a record keyed by id, in order, most severe first.
 */
export const severitiesSection = listOrMap(
  legacySeverities,
  severityMap,
  'expected a map of severities (p1: {description: ..., updateEvery: 30m}) or a list (- name: sev1 ...)',
).prefault([]);

const legacyRoleEntry = strictObject({
  name: z.enum(DEFAULT_ROLE_IDS, {
    error: `expected one of ${BUILT_IN_ROLES} (a list only adjusts the built-in roles; write roles as a map keyed by id to define your own)`,
  }),
  duty: textField('a one-paragraph duty'),
});

const legacyRoles = z
  .array(legacyRoleEntry, { error: 'expected a map of roles (legal: {duty: ...}) or a list (- name: commander ...)' })
  .check(uniqueNames('role'))
  .transform((entries) => byId(DEFAULT_ROLE_IDS, (id) => roleDuty(id, { duty: entries.find((e) => e.name === id)?.duty })));

const roleEntry = strictObject({
  name: displayName.optional(),
  duty: textField('a one-paragraph duty').optional(),
}).nullable();

const REQUIRED_ROLE_WHY: Record<(typeof REQUIRED_ROLES)[number], string> = {
  commander: 'the commander owns the incident, gets the update reminders and may close it',
  comms: 'the comms lead gets the legal-clock reminders',
};

/** The map form: every role an incident may have; commander and comms must be among them. */
const roleMap = z
  .record(idKey, roleEntry, { error: keyError })
  .superRefine((map, ctx) => {
    for (const id of REQUIRED_ROLES) {
      if (!(id in map)) ctx.addIssue({ code: 'custom', message: `missing the required role "${id}" (${REQUIRED_ROLE_WHY[id]})` });
    }
    if (Object.keys(map).length > MAX_ROLES) ctx.addIssue({ code: 'custom', message: `expected at most ${MAX_ROLES} roles` });
    for (const [id, entry] of Object.entries(map)) {
      if (!isBuiltInRole(id) && !entry?.duty) {
        ctx.addIssue({ code: 'custom', path: [id, 'duty'], message: `expected a one-paragraph duty (${id} is not built in, so it has no default)` });
      }
    }
  })
  .transform((map) => byId(Object.keys(map), (id) => roleDuty(id, map[id] ?? {})));

/** `roles`: a map keyed by id (commander and comms required), or the older list that only adjusts the built-in duties. */
export const rolesSection = listOrMap(
  legacyRoles,
  roleMap,
  'expected a map of roles (legal: {duty: ...}) or a list (- name: commander ...)',
).prefault([]);

/** The ids a playbook or a command may name, from a parsed config. */
export const vocabularyOf = (config: { severities: Record<Severity, unknown>; roles: Record<IncidentRole, unknown> }): IncidentVocabulary => ({
  severities: Object.keys(config.severities),
  roles: Object.keys(config.roles),
});

const isBuiltInSeverity = (id: string): id is keyof typeof DEFAULT_SEVERITIES => Object.hasOwn(DEFAULT_SEVERITIES, id);
const isBuiltInRole = (id: string): id is keyof typeof DEFAULT_ROLE_DUTIES => Object.hasOwn(DEFAULT_ROLE_DUTIES, id);

interface SeveritySettings {
  name?: string | undefined;
  description?: string | undefined;
  updateEvery?: number | undefined;
  ignoreQuietHours?: boolean | undefined;
}

function severityPolicy(id: Severity, set: SeveritySettings): SeverityPolicy {
  const fallback = isBuiltInSeverity(id) ? DEFAULT_SEVERITIES[id] : null;
  return {
    id,
    name: set.name ?? id,
    // The map schema refused a non-built-in id without these, so the fallbacks only serve built-in ids.
    description: set.description ?? fallback?.description ?? '',
    updateEvery: set.updateEvery ?? durationField.parse(fallback?.updateEvery ?? '1h'),
    ignoreQuietHours: set.ignoreQuietHours ?? false,
  };
}

function roleDuty(id: IncidentRole, set: { name?: string | undefined; duty?: string | undefined }): RoleDuty {
  return { id, name: set.name ?? id, duty: set.duty ?? (isBuiltInRole(id) ? DEFAULT_ROLE_DUTIES[id] : '') };
}

/** A record in the order of `ids` (ids start with a letter, so the object keeps that order). */
function byId<T>(ids: readonly string[], make: (id: string) => T): Record<string, T> {
  return Object.fromEntries(ids.map((id) => [id, make(id)]));
}

