import { WardenError } from '../../../platform/errors.js';

/** Incidents declared in [since, until). */
export interface Period {
  since: Date;
  until: Date;
}

const DAY_MS = 86_400_000;
const UNIT_MS: Record<string, number> = { h: 3_600_000, d: DAY_MS, w: 7 * DAY_MS };
const RELATIVE = /^(\d{1,5})([hdw])$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;
const FORMS = '`30d` (also h, w), a date `2026-11-01` (UTC) or an instant `2026-11-01T09:00:00Z`';

/** A date (UTC midnight, or the next midnight for an inclusive `until`), an instant with its zone, or null. */
function absolute(text: string, endOfDay: boolean): Date | null {
  if (DATE_ONLY.test(text)) {
    const at = new Date(`${text}T00:00:00Z`);
    if (Number.isNaN(at.getTime()) || at.toISOString().slice(0, 10) !== text) return null;
    return endOfDay ? new Date(at.getTime() + DAY_MS) : at;
  }
  if (!INSTANT.test(text)) return null;
  const at = new Date(text);
  return Number.isNaN(at.getTime()) ? null : at;
}

function bad(option: string, text: string, why = `use ${FORMS}`): WardenError {
  return new WardenError('bad_input', `${option} ${JSON.stringify(text.slice(0, 40))}: ${why}.`);
}

/**
 * The period of `--since` (required: `30d` back from `now`, or a date/instant) and `--until` (default `now`;
 * a date means through the end of that UTC day). Pure: `now` is a parameter.
 * @throws WardenError('bad_input') naming the option, the forms it takes, or an until not after since.
 */
export function parsePeriod(sinceText: string | undefined, untilText: string | undefined, now: Date): Period {
  if (sinceText === undefined || sinceText.trim() === '') throw new WardenError('bad_input', `--since is required: ${FORMS}.`);
  const until = untilText === undefined ? now : absolute(untilText.trim(), true);
  if (!until) throw bad('--until', untilText ?? '', `use a date \`2026-11-30\` (UTC, through that day) or an instant \`2026-11-30T18:00:00Z\``);
  const relative = RELATIVE.exec(sinceText.trim());
  const since = relative ? new Date(now.getTime() - Number(relative[1]) * (UNIT_MS[relative[2] ?? 'd'] ?? DAY_MS)) : absolute(sinceText.trim(), false);
  if (!since) throw bad('--since', sinceText);
  if (until.getTime() <= since.getTime()) {
    throw new WardenError('bad_input', `--until (${until.toISOString()}) must be after --since (${since.toISOString()}).`);
  }
  return { since, until };
}

/** The trailing window ending at `now`. */
export const trailing = (now: Date, days: number): Period => ({ since: new Date(now.getTime() - days * DAY_MS), until: now });
