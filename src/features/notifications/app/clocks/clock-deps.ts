import type { AfterDue } from '../../domain/deadlines/reminders.js';
import type { NoticeCompany } from '../../domain/notices/notice-context.js';
import type { NoticeTemplate } from '../../domain/notices/render-notice.js';
import type { ClockRecords, NoticeRecords } from '../ports.js';
import type { AppDeps } from '../../../incidents/index.js';
import type { ClockCatalog } from './clock-catalog.js';

/** What the clock use cases need to know of warden.yaml (the module factory adapts it). */
export interface ClockPolicy {
  /** Lead times as `reminderTimes` reads them: `50%`, `4h`, `0`. */
  leadTimes: readonly string[];
  afterDue: AfterDue;
  /** Where overdue deadlines are escalated (name or ID); null = nowhere. */
  managersChannel: string | null;
  company: NoticeCompany;
  /**
   * Job kinds other modules listen on for clock-event changes (the playbooks' `playbook.refresh`, which
   * gives `clock:<event>` steps their due time). Each is queued with `{ incidentId }` in the same transaction.
   */
  eventJobKinds: readonly string[];
}

/** The notice templates port: a checked, compiled template by name, and the names available. */
export interface NoticeTemplates {
  /** @throws WardenError('not_found') listing the templates, or ('bad_input') for a template with an unknown variable. */
  load(name: string): NoticeTemplate;
  list(): string[];
}

/** The ports of the clock and notice use cases. */
export interface ClockDeps extends AppDeps {
  clocks: ClockRecords;
  notices: NoticeRecords;
  catalog: ClockCatalog;
  clockPolicy: ClockPolicy;
  templates: NoticeTemplates;
}

/** Durable job kinds of the clocks module. `slack.` kinds are delivered by the Slack layer. */
export const CLOCK_JOB_KINDS = {
  /** A reminder instant of one stage: decides who hears about it, then queues the deliveries. */
  reminder: 'clocks.reminder',
  /** Posts or updates (in place) the pinned deadline board of an incident. */
  board: 'slack.clock_board',
  /** One message to the incident channel, a person's DM or the managers' channel. */
  post: 'slack.clock_post',
  /** Posts or updates a notice's approval request. */
  approval: 'slack.notice_approval',
  /** Marks a regime suggestion message as handled. */
  suggestionDone: 'slack.clock_suggestion_done',
} as const;
