import { z } from 'zod';
import { INCIDENT_FLAGS, type ClockEvent } from '../../incidents/index.js';
import type { Playbook } from '../domain/model.js';
import type { QuietHours } from '../domain/nags.js';
import type { PlaybookRecords } from './ports.js';
import type { AppDeps } from '../../incidents/index.js';

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
  playbooks: PlaybookRecords;
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
  /** Attaches the fitting playbook to a new incident (queued by the declaration, so its ack stays fast). */
  attach: 'playbook.attach',
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

const flags = z.array(z.enum(INCIDENT_FLAGS));

/** What a `playbook.dm` job delivers; the Slack layer decides how it looks. */
export const playbookDmSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('nag'), incidentId: z.string(), stepId: z.string(), userId: z.string(), dueAt: z.string(), nth: z.number(), max: z.number() }),
  z.object({ type: z.literal('assigned'), incidentId: z.string(), stepId: z.string(), userId: z.string(), by: z.string() }),
]);
export type PlaybookDm = z.infer<typeof playbookDmSchema>;

/** What a `playbook.notice` job announces in the incident channel. */
export const playbookNoticeSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('flags_changed'), incidentId: z.string(), playbookId: z.string(), appeared: z.array(z.string()), left: z.array(z.string()), by: z.string(), before: flags, after: flags }),
  z.object({ type: z.literal('attached'), incidentId: z.string(), playbookId: z.string(), by: z.string() }),
  z.object({ type: z.literal('switched'), incidentId: z.string(), playbookId: z.string(), previousId: z.string(), by: z.string() }),
]);
export type PlaybookNotice = z.infer<typeof playbookNoticeSchema>;

/** Which step of which incident a button, modal or command is about. */
export interface StepRef {
  incidentId: string;
  stepId: string;
}
