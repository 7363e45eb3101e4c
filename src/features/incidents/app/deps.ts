import type { Clock } from '../../../platform/clock.js';
import type { IncidentRole, IncidentType, Severity } from '../domain/incident-model.js';
import type { Incident } from '../domain/incident.js';
import type { RoleDefinition, SeverityLevel } from '../domain/vocabulary.js';
import type { UpdateReminderPolicy } from '../domain/update-reminders.js';
import type { IncidentStore } from './ports.js';
import type { EventPublisher } from '../../../platform/events.js';
import type { AccessControl } from '../../access/index.js';
import '../domain/events.js';

/** What the use cases need to know of the configuration (the composition root adapts warden.yaml to it). */
export interface IncidentPolicy {
  /** The configured severities, most severe first. */
  severities: readonly SeverityLevel[];
  /** The severity of a declaration that names none. */
  defaultSeverity: Severity;
  /** The configured roles, in configured order; commander and comms are always among them. */
  roles: readonly RoleDefinition[];
  /** How often the commander must post an update at this severity, in ms (also for one no longer configured). */
  updateEveryMs(severity: Severity): number;
  /** The commander's update reminders at this severity: cadence, cap between updates, quiet hours. */
  updateReminders(severity: Severity): UpdateReminderPolicy;
  /** The duty text of a role (a note when the role is no longer configured). */
  roleDuty(role: IncidentRole): string;
  /** Display zone for channel names and for readers whose Slack zone is unknown. */
  timeZone: string;
  /** Incident types declared private unless the declarer says `--public`. */
  privateTypes: readonly IncidentType[];
}

/** The ports every use case receives. Only the composition root builds real ones. */
export interface AppDeps {
  store: IncidentStore;
  clock: Clock;
  policy: IncidentPolicy;
  /** Who may do what: Warden roles and the permission table; a refusal throws `AccessDenied`. */
  access: AccessControl;
  /** Announces what happened; subscribers run inside the caller's transaction. */
  events: EventPublisher;
  /**
   * Job kinds that only make sense while the response runs; cancelled in the transaction that resolves
   * the incident. The core's update reminder is one; modules add theirs at start-up.
   */
  responseBoundKinds: readonly string[];
  /** Lines other features add to the declare reply (the playbook the incident gets ...); filled at start-up. */
  declareNotes?: ReadonlyArray<(incident: Incident) => string | null>;
}

/** Who did something, as Slack knows them. */
export interface Actor {
  userId: string;
}
