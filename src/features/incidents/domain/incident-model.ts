/**
 * The fixed vocabularies of an incident. Each list is the one source of its allowed values: types come
 * from these arrays, and zod schemas at the edges use `z.enum(LIST)`. warden.yaml configures the texts
 * (descriptions, duties, cadences), not the set.
 */
export const SEVERITIES = ['sev1', 'sev2', 'sev3', 'sev4'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const INCIDENT_STATUSES = ['investigating', 'identified', 'monitoring', 'resolved', 'closed'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export const INCIDENT_ROLES = ['commander', 'comms', 'scribe', 'ops'] as const;
export type IncidentRole = (typeof INCIDENT_ROLES)[number];

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
] as const;
export type ClockEvent = (typeof CLOCK_EVENTS)[number];
