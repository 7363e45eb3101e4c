import { humanIncidentId } from '../domain/channel-name.js';
import { WardenError } from '../../../platform/errors.js';
import { graphemeLength, stripInvisibles } from '../../../platform/text.js';
import type { Incident } from '../domain/incident.js';
import type { IncidentFlag, IncidentType, Severity } from '../domain/incident-model.js';
import type { Actor, AppDeps } from './deps.js';
import { JOB_KINDS } from './outbox.js';
import type { DeclareOrigin } from '../domain/events.js';
import { privateAtDeclaration, type Visibility } from '../domain/visibility.js';
import { recordChange } from './record.js';
import { enqueueNextReminder } from './reminders.js';

export interface DeclareInput {
  title: string;
  severity: Severity;
  type?: IncidentType;
  description?: string;
  detectedAt?: Date | null;
  drill?: boolean;
  flags?: IncidentFlag[];
  /** What the declarer chose (`--private`, `--public`, the form's checkbox); none: the type's configured default. */
  visibility?: Visibility;
  /** Unique per Slack request (trigger or view id): a retried request returns the incident it made. */
  requestKey?: string;
  /** What the declaration answers (a PagerDuty incident), passed on in `incident.declared` for the feature that links it. */
  origin?: DeclareOrigin;
}

export const MAX_TITLE = 120;
/** The same person declaring the same title within this window is taken as a double click. */
export const DUPLICATE_WINDOW_MS = 2 * 60_000;

/**
 * Declares an incident: stores it with the declarer as commander, writes the timeline and audit entries,
 * and queues the channel, card and announcement, and the first update reminder, all in one transaction.
 * A retried or double-clicked declaration returns the existing incident with `duplicate: true`.
 */
export function declareIncident(deps: AppDeps, actor: Actor, input: DeclareInput): { incident: Incident; duplicate: boolean } {
  const title = cleanTitle(input.title);
  const now = deps.clock.now();
  assertValidDeclaration(title, input, now);
  const { store } = deps;
  return store.transaction(() => {
    const earlier =
      (input.requestKey ? store.incidents.byRequestKey(input.requestKey) : null) ??
      store.incidents.recentDuplicate(actor.userId, title, new Date(now.getTime() - DUPLICATE_WINDOW_MS));
    if (earlier) return { incident: earlier, duplicate: true };

    const year = now.getUTCFullYear();
    const type = input.type ?? 'security';
    const incident: Incident = {
      id: humanIncidentId(year, store.incidents.nextSeq(`incident:${year}`)),
      title,
      description: input.description?.trim() ?? '',
      type,
      severity: input.severity,
      status: 'investigating',
      // A drill is a drill however it was declared (`--drill`, `--type drill`, the form's type or checkbox).
      drill: (input.drill ?? false) || type === 'drill',
      private: privateAtDeclaration(type, input.visibility, deps.policy.privateTypes),
      flags: input.flags ?? [],
      declaredBy: actor.userId,
      declaredAt: now,
      detectedAt: input.detectedAt ?? null,
      resolvedAt: null,
      closedAt: null,
      channelId: null,
      channelName: null,
      cardTs: null,
      announcementChannel: null,
      announcementTs: null,
      lastUpdateAt: null,
      roles: { commander: actor.userId },
    };
    store.incidents.insert(incident, input.requestKey ?? null);
    store.incidents.setRole(incident.id, 'commander', actor.userId, actor.userId, now);
    store.incidents.addMember(incident.id, actor.userId, now);
    recordChange(store, {
      incidentId: incident.id,
      actor: actor.userId,
      at: now,
      kind: 'declared',
      action: 'incident.declared',
      text: `Declared ${incident.private ? 'private ' : ''}${incident.severity}${incident.drill ? ' drill' : ''}: ${title}`,
      data: { severity: incident.severity, type: incident.type, drill: incident.drill, private: incident.private, flags: incident.flags },
    });
    store.jobs.enqueue({ kind: JOB_KINDS.provision, dueAt: now, payload: { incidentId: incident.id }, idemKey: `provision:${incident.id}`, incidentId: incident.id }, now);
    // A new incident has no reminder to cancel: its first is queued as is.
    enqueueNextReminder(deps, incident, now, 0);
    // After the channel job, so what subscribers queue for the channel runs once it exists.
    deps.events.publish('incident.declared', { incidentId: incident.id, by: actor.userId, flags: [...incident.flags], ...(input.origin ? { origin: input.origin } : {}) });
    return { incident, duplicate: false };
  });
}

/** A title on one line, without bidi overrides or control characters, trimmed: what is stored and shown. */
export const cleanTitle = (title: string): string => stripInvisibles(title, { multiline: false }).trim();

/** Why a (clean) title is too long, counting what a person sees (an emoji or an accented letter is one), or null. */
export function titleTooLong(title: string): string | null {
  // A grapheme is one UTF-16 unit or more: a title of at most MAX_TITLE units fits without being segmented.
  if (title.length <= MAX_TITLE) return null;
  const length = graphemeLength(title);
  return length > MAX_TITLE ? `The title is ${length} characters; keep it to ${MAX_TITLE} or fewer.` : null;
}

function assertValidDeclaration(title: string, input: DeclareInput, now: Date): void {
  if (!title) throw new WardenError('bad_input', 'An incident needs a title: `/incident declare sev2 Payments API returning 500s`.');
  const tooLong = titleTooLong(title);
  if (tooLong) throw new WardenError('bad_input', tooLong);
  if (input.detectedAt && input.detectedAt.getTime() > now.getTime() + 60_000) {
    throw new WardenError('bad_input', 'The detection time is in the future.');
  }
}
