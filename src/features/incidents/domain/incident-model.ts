/**
 * The vocabularies of an incident. The fixed ones are const arrays, the one source of their allowed
 * values: types come from these arrays, and zod schemas at the edges use `z.enum(LIST)`.
 * Severities and roles are configured in warden.yaml (see ./vocabulary.ts): their type is a plain id,
 * checked at the edges against the configured set.
 */

/** A severity id as configured in warden.yaml (`sev1`, `p1` ...); the configured order says which is worse. */
export type Severity = string;
/** The severities Warden uses when warden.yaml configures none, most severe first. */
export const DEFAULT_SEVERITY_IDS = ['sev1', 'sev2', 'sev3', 'sev4'] as const;

export const INCIDENT_STATUSES = ['investigating', 'identified', 'monitoring', 'resolved', 'closed'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/** A role id as configured in warden.yaml (`commander`, `legal` ...). */
export type IncidentRole = string;
/** The roles Warden uses when warden.yaml configures none. */
export const DEFAULT_ROLE_IDS = ['commander', 'comms', 'scribe', 'ops'] as const;
/**
 * Roles the code gives meaning to, so every configuration has them: the commander owns and closes the
 * incident and gets the update reminders; the comms lead gets the legal-clock reminders.
 */
export const REQUIRED_ROLES = ['commander', 'comms'] as const;

/** What kind of incident it is; playbooks select on it. */
export const INCIDENT_TYPES = ['security', 'privacy', 'outage', 'ransomware', 'credential_leak', 'ddos', 'third_party', 'drill'] as const;
export type IncidentType = (typeof INCIDENT_TYPES)[number];

/** Facts about an incident that change which steps and regimes apply. */
export const INCIDENT_FLAGS = ['personal_data', 'eu_subjects', 'customer_impact', 'ransomware', 'third_party', 'phi', 'financial_entity', 'public_company'] as const;
export type IncidentFlag = (typeof INCIDENT_FLAGS)[number];

/** Legal clock events a comms lead records (`/incident clock <event> [time]`). */
export const CLOCK_EVENTS = [
  'detected',
  'became_aware',
  'discovered',
  'determined',
  'materiality_determined',
  'classified_major',
  'ransom_paid',
  'noticed',
  'suspected',
  'assessed_notifiable',
  // SEC 8-K/A: information Item 1.05 asks for is determined or becomes available after the first filing.
  'information_available',
  // NIS2 intermediate report on request; a regulator's request in general.
  'authority_request',
  // Substantial new or different information (CIRCIA supplemental reports).
  'new_information',
  // Becoming aware that a ransom was paid on the entity's behalf (Australia, Cyber Security Act 2024 s 27).
  'ransom_payment_known',
] as const;
export type ClockEvent = (typeof CLOCK_EVENTS)[number];
