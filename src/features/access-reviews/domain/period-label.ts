/** How a period is named in lists and DMs: `2026-11`, `2026-Q4`, `2026`, `2026-W48`, or its days for a day cadence. Pure. */
import { TZDate } from '@date-fns/tz';
import { getISOWeek } from 'date-fns/getISOWeek';
import { getISOWeekYear } from 'date-fns/getISOWeekYear';
import { localDay } from '../../../platform/calendar/working-days.js';
import type { Every, Period } from './cadence.js';

const pad = (n: number) => String(n).padStart(2, '0');

export function periodLabel(every: Every, zone: string, period: Period): string {
  const start = new TZDate(period.start.getTime(), zone);
  if (every === 'monthly') return `${start.getFullYear()}-${pad(start.getMonth() + 1)}`;
  if (every === 'quarterly') return `${start.getFullYear()}-Q${Math.floor(start.getMonth() / 3) + 1}`;
  if (every === 'yearly') return String(start.getFullYear());
  if (every === 'weekly') return `${getISOWeekYear(start)}-W${pad(getISOWeek(start))}`;
  return `${localDay(period.start, zone)} to ${localDay(period.due, zone)}`;
}
