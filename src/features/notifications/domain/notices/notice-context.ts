/**
 * What a notice template can say. `NoticeContext` is what the caller provides; `NoticeView` is what the
 * template sees: the same data with every unknown fact and unrecorded event replaced by a visible
 * placeholder, so a draft is never silently blank.
 */
import { CLOCK_EVENTS, type ClockEvent, type IncidentStatus, type Severity } from '../../../incidents/model.js';

/** Free-form facts the comms lead fills in. One source for the template variables `facts.*`. */
export const NOTICE_FACTS = [
  'nature',
  'subjectCategories',
  'subjectsApprox',
  'dataCategories',
  'recordsApprox',
  'consequences',
  'measures',
  'customerImpact',
  'nextUpdateAt',
  'delayReasons',
  'rootCause',
  'resolution',
  'breachDate',
  'discoveryDate',
  'dataTypes',
  'individualSteps',
  'scope',
  'timing',
  'materialImpact',
  'financialImpact',
  'maliciousSuspected',
  'crossBorderImpact',
  'severityImpact',
  'indicatorsOfCompromise',
  'classificationCriteria',
  'memberStates',
  'discoveryMethod',
  'continuityPlan',
  'incidentType',
  'affectedServices',
  'clientsAffected',
  'otherAuthorities',
  'recoveredAt',
  'costsAndLosses',
  'affectedSystems',
  'extortionReasons',
  'entityIdentifiers',
  'occurredAt',
] as const;
export type NoticeFact = (typeof NOTICE_FACTS)[number];

/** How each missing fact is named in its placeholder: `[to complete: categories of data subjects]`. */
export const NOTICE_FACT_LABELS: Readonly<Record<NoticeFact, string>> = {
  nature: 'nature of the breach',
  subjectCategories: 'categories of data subjects',
  subjectsApprox: 'approximate number of data subjects',
  dataCategories: 'categories of personal data records',
  recordsApprox: 'approximate number of personal data records',
  consequences: 'likely consequences',
  measures: 'measures taken or proposed',
  customerImpact: 'impact on customers',
  nextUpdateAt: 'time of the next update',
  delayReasons: 'reasons for any delay',
  rootCause: 'root cause',
  resolution: 'resolution',
  breachDate: 'date of the breach',
  discoveryDate: 'date the breach was discovered',
  dataTypes: 'types of data or protected health information involved',
  individualSteps: 'steps individuals should take to protect themselves',
  scope: 'scope of the incident',
  timing: 'timing of the incident',
  materialImpact: 'material or reasonably likely material impact',
  financialImpact: 'impact on financial condition and results of operations',
  maliciousSuspected: 'whether unlawful or malicious acts are suspected',
  crossBorderImpact: 'cross-border impact',
  severityImpact: 'severity and impact',
  indicatorsOfCompromise: 'indicators of compromise',
  classificationCriteria: 'classification criteria met',
  memberStates: 'Member States affected',
  discoveryMethod: 'how the incident was discovered',
  continuityPlan: 'whether the business continuity plan was activated',
  incidentType: 'type of incident and threat',
  affectedServices: 'services, functions and infrastructure affected',
  clientsAffected: 'clients and financial counterparts affected',
  otherAuthorities: 'other authorities informed',
  recoveredAt: 'when services were or will be recovered',
  costsAndLosses: 'direct and indirect costs and losses, and recoveries',
  affectedSystems: 'systems and information affected',
  extortionReasons: 'reasons the payment was necessary and alternatives considered',
  entityIdentifiers: 'LEI code and type of financial entity',
  occurredAt: 'when the incident occurred',
};

export interface NoticeIncident {
  readonly id: string;
  readonly title: string;
  readonly severity: Severity;
  readonly status: IncidentStatus;
  /** Already formatted for the reader. */
  readonly declaredAt: string;
  readonly summary: string;
}

export interface NoticeCompany {
  readonly name: string;
  readonly contactEmail: string;
  /** The DPO or other contact point (GDPR Art 33(3)(b)). */
  readonly dpoContact?: string;
  /** The number people call about a notice (HIPAA 164.404(c)(1)(E): toll-free). */
  readonly contactPhone?: string;
}

/** One deadline as a notice shows it (see `noticeDeadlines`). */
export interface NoticeDeadline {
  readonly regime: string;
  readonly regimeName: string;
  readonly stage: string;
  readonly recipient: string;
  /** `2025-03-31T10:00:00Z (2025-03-31 12:00 +02:00 Europe/Brussels)`, or why there is none. */
  readonly due: string;
  readonly dueKind: string;
  readonly status: string;
  readonly verification: string;
  readonly citation: string;
}

export interface NoticeRegime {
  readonly id: string;
  readonly name: string;
  readonly citation: string;
  readonly verification: string;
}

export interface NoticeContext {
  readonly incident: NoticeIncident;
  readonly company: NoticeCompany;
  /** Recorded clock events, already formatted for the reader. */
  readonly events: Readonly<Partial<Record<ClockEvent, string>>>;
  readonly regimes: readonly NoticeRegime[];
  readonly deadlines: readonly NoticeDeadline[];
  readonly facts: Readonly<Partial<Record<NoticeFact, string>>>;
}

export interface NoticeView {
  readonly incident: NoticeIncident;
  readonly company: Required<NoticeCompany>;
  readonly events: Readonly<Record<ClockEvent, string>>;
  readonly regimes: readonly NoticeRegime[];
  readonly deadlines: readonly NoticeDeadline[];
  readonly facts: Readonly<Record<NoticeFact, string>>;
}

const known = (v: string | undefined): v is string => v !== undefined && v.trim() !== '';

/** The placeholder a missing fact renders as. */
export const factPlaceholder = (fact: NoticeFact): string => `[to complete: ${NOTICE_FACT_LABELS[fact]}]`;
/** The placeholder an unrecorded clock event renders as. */
export const eventPlaceholder = (event: ClockEvent): string => `[not recorded: ${event.replaceAll('_', ' ')}]`;
/** Placeholders of the other values a context may leave empty, by their template variable. */
export const VALUE_PLACEHOLDERS = {
  'incident.summary': '[to complete: summary]',
  'company.dpoContact': '[to complete: DPO or contact point]',
  'company.contactPhone': '[to complete: contact telephone number]',
} as const;

/** Fills every gap of a context with a visible placeholder. Pure. */
export function toNoticeView(c: NoticeContext): NoticeView {
  const facts = Object.fromEntries(NOTICE_FACTS.map((f) => [f, known(c.facts[f]) ? c.facts[f] : factPlaceholder(f)]));
  const events = Object.fromEntries(CLOCK_EVENTS.map((e) => [e, known(c.events[e]) ? c.events[e] : eventPlaceholder(e)]));
  const or = (v: string | undefined, key: keyof typeof VALUE_PLACEHOLDERS) => (known(v) ? v : VALUE_PLACEHOLDERS[key]);
  return {
    incident: { ...c.incident, summary: or(c.incident.summary, 'incident.summary') },
    company: {
      name: c.company.name,
      contactEmail: c.company.contactEmail,
      dpoContact: or(c.company.dpoContact, 'company.dpoContact'),
      contactPhone: or(c.company.contactPhone, 'company.contactPhone'),
    },
    events: events as Record<ClockEvent, string>,
    regimes: c.regimes,
    deadlines: c.deadlines,
    facts: facts as Record<NoticeFact, string>,
  };
}
