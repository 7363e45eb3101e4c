import type { ClockEvent, IncidentFlag } from '../../incidents/domain/incident-model.js';
import type { Playbook } from '../domain/model.js';
import type { QuietHours } from '../domain/nags.js';
import type { PlaybookRepo } from '../store/playbook-repo.js';
import type { AppDeps } from '../../incidents/app/deps.js';

/**
 * The legal clock events recorded for an incident (`became_aware`, `discovered` ...), read by the playbooks
 * to resolve step due times anchored on `clock:<event>`. The clocks module provides it; without one, no
 * event exists and such steps simply have no due time yet.
 */
export interface ClockEventsPort {
  eventsFor(incidentId: string): Partial<Record<ClockEvent, Date>>;
}

export const noClockEvents: ClockEventsPort = { eventsFor: () => ({}) };

/** How step owners are nagged (warden.yaml `nags` and `quietHours`). */
export interface NagSettings {
  every: number;
  maxPerStep: number;
  quietHours: QuietHours | null;
}

/** What the playbook use cases need beyond the core's ports. */
export interface PlaybookDeps extends AppDeps {
  playbooks: PlaybookRepo;
  /** Every playbook loaded at start-up. */
  catalog: readonly Playbook[];
  nags: NagSettings;
  clockEvents: ClockEventsPort;
}

/**
 * Job kinds of the playbook module. `refresh` is public: another module (the legal clocks) queues
 * `{ incidentId }` after recording a clock event, so anchored steps get their due time and their nags.
 */
export const PLAYBOOK_JOB_KINDS = {
  /** Renders the checklist and posts or updates its messages in place. */
  sync: 'playbook.sync',
  /** One step's nag falls due. */
  nag: 'playbook.nag',
  /** A direct message to a person (a nag, an assignment). */
  dm: 'playbook.dm',
  /** One announcement in the incident channel. */
  notice: 'playbook.notice',
  refresh: 'playbook.refresh',
} as const;

/** Cancelled in the transaction that resolves the incident. */
export const PLAYBOOK_RESPONSE_BOUND_KINDS: readonly string[] = [PLAYBOOK_JOB_KINDS.nag, PLAYBOOK_JOB_KINDS.dm];

/** What a `playbook.dm` job delivers; the Slack layer decides how it looks. */
export type PlaybookDm =
  | { type: 'nag'; incidentId: string; stepId: string; userId: string; dueAt: string; nth: number; max: number }
  | { type: 'assigned'; incidentId: string; stepId: string; userId: string; by: string };

/** What a `playbook.notice` job announces in the incident channel. */
export type PlaybookNotice =
  | { type: 'flags_changed'; incidentId: string; playbookId: string; appeared: string[]; left: string[]; by: string; before: IncidentFlag[]; after: IncidentFlag[] }
  | { type: 'attached'; incidentId: string; playbookId: string; by: string }
  | { type: 'switched'; incidentId: string; playbookId: string; previousId: string; by: string };

/** Which step of which incident a button, modal or command is about. */
export interface StepRef {
  incidentId: string;
  stepId: string;
}
