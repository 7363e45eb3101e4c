/** Severity and role history, derived from the timeline the incident core writes with every change. Pure. */
import type { RoleTenure, SeverityPeriod, TimelineLine } from './facts.js';

interface Entry extends TimelineLine {
  data: Record<string, unknown>;
}

const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/**
 * Each severity the incident had, in order: the declared one, then one period per `severity_changed` entry.
 * `current` stands in when the declaration entry carries no severity (an incident recorded before it did).
 */
export function severityHistory(entries: readonly Entry[], declared: { at: Date; by: string }, current: string): SeverityPeriod[] {
  const changes = entries.filter((e) => e.kind === 'severity_changed' && text(e.data.to));
  const first = text(entries.find((e) => e.kind === 'declared')?.data.severity) ?? text(changes[0]?.data.from) ?? current;
  const periods: SeverityPeriod[] = [{ severity: first, from: declared.at, until: null, by: declared.by }];
  for (const c of changes) {
    periods[periods.length - 1]!.until = c.at;
    periods.push({ severity: text(c.data.to)!, from: c.at, until: null, by: c.actor });
  }
  return periods;
}

/**
 * Who held each role from when to when: the declarer commands from the declaration, and each `role_assigned`
 * entry ends the previous holder's tenure of that role and starts the new one. Ordered by start.
 */
export function roleHistory(entries: readonly Entry[], declared: { at: Date; by: string }): RoleTenure[] {
  const tenures: RoleTenure[] = [{ role: 'commander', userId: declared.by, from: declared.at, until: null, by: declared.by }];
  for (const e of entries) {
    const role = text(e.data.role);
    const userId = text(e.data.userId);
    if (e.kind !== 'role_assigned' || !role || !userId) continue;
    const open = tenures.find((t) => t.role === role && t.until === null);
    if (open) open.until = e.at;
    tenures.push({ role, userId, from: e.at, until: null, by: e.actor });
  }
  return tenures;
}
