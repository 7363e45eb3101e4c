/** Words and marks shared by the board, the reminders and the replies, so a stage reads the same everywhere. */
import type { CatalogEntry } from '../app/clocks/clock-catalog.js';
import { formatLocal } from '../domain/deadlines/format-instant.js';
import type { Verification } from '../domain/deadlines/regime.js';
import type { DeadlineStatus, DueKind, StageDeadline } from '../domain/deadlines/stage-deadline.js';
import { slackDate } from '../../../adapters/slack/escape.js';

export const STATUS_MARK: Readonly<Record<DeadlineStatus, string>> = {
  waiting: ':white_circle:',
  open: ':large_blue_circle:',
  due_soon: ':large_orange_circle:',
  overdue: ':red_circle:',
  submitted: ':large_green_circle:',
  not_notifiable: ':heavy_minus_sign:',
};

export const STATUS_LABEL: Readonly<Record<DeadlineStatus, string>> = {
  waiting: 'waiting for its event',
  open: 'open',
  due_soon: 'due soon',
  overdue: 'OVERDUE',
  submitted: 'submitted',
  not_notifiable: 'not notifiable',
};

/** Never present an unverified rule as law: anything short of verified says so, every time it is shown. */
export const VERIFICATION_LABEL: Readonly<Record<Verification, string>> = {
  verified: 'rule verified',
  verified_secondary: 'rule verified from secondary sources',
  partial: ':warning: rule partly verified: confirm with counsel',
  unverified: ':warning: rule NOT verified: not confirmed law, confirm with counsel',
};

/** What kind of deadline this is, for a stage of a law or of a contract. */
export function dueKindLabel(kind: DueKind, entry: Pick<CatalogEntry, 'kind'>): string {
  if (entry.kind === 'contract') return kind === 'none' ? 'contract, no fixed period' : 'contractual deadline (not law)';
  if (kind === 'legal') return 'legal deadline';
  if (kind === 'internal') return 'internal target (house SLA, not law)';
  return 'no fixed legal period';
}

/** `law`, `contract`, or `PROPOSED`: how the board labels a regime. */
export function obligationLabel(entry: CatalogEntry): string {
  if (entry.kind === 'contract') return 'contract';
  return entry.regime.status === 'proposed' ? 'PROPOSED rule, not law yet' : 'law';
}

/** `Apply GDPR`: a short button label from a regime id (labels hold 75 characters). */
export const applyLabel = (regimeId: string): string => `Apply ${regimeId.toUpperCase()}`.slice(0, 75);

/** A due instant for everyone: a date token in the reader's zone, then the jurisdiction's wall clock as text. */
export const dueText = (due: Date, zone: string): string => `${slackDate(due)} (${formatLocal(due, zone)})`;

/** `ET` for America/New_York: the short generic name people use for a filing cut-off's zone. */
export function zoneShortName(zone: string, at: Date): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'shortGeneric' }).formatToParts(at).find((p) => p.type === 'timeZoneName');
  return part?.value ?? zone;
}

/**
 * The rules behind a due instant that a comms lead must see: `file by 17:30 ET`, weekend relief applied or
 * refused (and why), and whose reading of the event's date counted. Plain text, not yet escaped.
 */
export function dueRuleNotes(s: StageDeadline, showReadingZone: boolean): string[] {
  const notes: string[] = [];
  const cutoff = s.rule.cutoff?.split(' ');
  if (cutoff?.[0] && cutoff[1] && s.due) notes.push(`file by ${cutoff[0]} ${zoneShortName(cutoff[1], s.due)}`);
  if (s.rule.relief === 'applied') notes.push('weekend/holiday relief: moved to 12:00 the next working day');
  if (s.rule.relief === 'refused') notes.push(`no weekend/holiday relief: ${s.rule.reliefReason ?? ''}`);
  if (showReadingZone && s.rule.eventDateZone) notes.push(`event's date read in ${s.rule.eventDateZone}`);
  return notes;
}
