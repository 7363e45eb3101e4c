import { formatDuration } from '../../../../platform/duration.js';
import { ageText, type BackupFreshness } from '../../../backups/index.js';
import type { DigestPart, Marks } from '../digest-part.js';

/** The schedule's period as warden.yaml writes it (`1h`, `30m`, `1h30m`). */
const period = formatDuration;

/**
 * Backups: a warning when no good backup was taken within twice the schedule's period (the RPO is at risk), a
 * one-line all-clear otherwise.
 */
export function backupSection(f: BackupFreshness | null, m: Marks): DigestPart {
  const title = 'Backups';
  if (!f) return { title, lines: ['Backups are not tracked in this version of Warden.'], more: null };
  if (f.state === 'disabled') return { title, lines: ['Scheduled backups are off (`backups.every: off`, or an in-memory database).'], more: null };
  if (f.state === 'none') return { title, lines: [`:warning: *no good backup yet* (expected every ${period(f.everyMs)})`], more: null };
  const line = f.overdue
    ? `:warning: *last good backup ${ageText(f.ageMs)} ago* (expected every ${period(f.everyMs)})`
    : `Last good backup ${ageText(f.ageMs)} ago (${m.at(f.at)}), every ${period(f.everyMs)}`;
  return { title, lines: [line], more: null };
}
