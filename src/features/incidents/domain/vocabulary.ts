/**
 * The configured severities and roles, and the pure rules on them. warden.yaml lists the severities most
 * severe first; that order is the only thing that makes one severity worse than another.
 */
import { z } from 'zod';
import type { IncidentRole, Severity } from './incident-model.js';

/** How a severity or role id is written: a lowercase slug starting with a letter (so YAML keeps the order). */
export const VOCABULARY_ID = /^[a-z][a-z0-9_-]{0,23}$/;

export interface SeverityLevel {
  readonly id: Severity;
  /** Display name; the id when the configuration gives none. */
  readonly name: string;
  readonly description: string;
  /** How often the incident channel expects a status update, in milliseconds. */
  readonly updateEveryMs: number;
}

export interface RoleDefinition {
  readonly id: IncidentRole;
  readonly name: string;
  readonly duty: string;
}

/** The configured severities and roles, for rendering an incident. `IncidentPolicy` satisfies it. */
export interface IncidentTerms {
  /** Most severe first. */
  readonly severities: readonly SeverityLevel[];
  readonly roles: readonly RoleDefinition[];
}

/** The ids a playbook or a command may name. */
export interface IncidentVocabulary {
  /** Most severe first. */
  readonly severities: readonly Severity[];
  readonly roles: readonly IncidentRole[];
}

/** 0 for the most severe, 1 for the next ...; null for an id that is not configured (any more). */
export function severityRank(order: readonly Severity[], id: Severity): number | null {
  const rank = order.indexOf(id);
  return rank === -1 ? null : rank;
}

/** Sort comparator, most severe first; ids no longer configured sort after every configured one. */
export function compareSeverities(order: readonly Severity[], a: Severity, b: Severity): number {
  const rank = (id: Severity) => severityRank(order, id) ?? order.length;
  return rank(a) - rank(b);
}

/** Whether `id` is `threshold` or worse (`sev1` is at least `sev2`). An unconfigured id is at least nothing. */
export function isAtLeast(order: readonly Severity[], id: Severity, threshold: Severity): boolean {
  const rank = severityRank(order, id);
  const limit = severityRank(order, threshold);
  return rank !== null && limit !== null && rank <= limit;
}

/**
 * Whether a word is meant as a severity even though it is not configured: `sev<N>` (the shipped naming)
 * or the shape of a configured id with other digits (`p7` when `p1` is configured). The declare command
 * refuses such a word instead of taking it as the first word of the title.
 */
export function looksLikeSeverity(word: string, configured: readonly Severity[]): boolean {
  const w = word.toLowerCase();
  if (configured.includes(w) || /^sev\d+$/.test(w)) return true;
  return configured.some((id) => /\d/.test(id) && shapeOf(id).test(w));
}

const shapeOf = (id: string): RegExp => new RegExp(`^${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\d+/g, '\\d+')}$`);

/** The severity as people should read it: `p1`, `p1 (Critical)` when named, or a note when no longer configured. */
export function severityLabel(levels: readonly SeverityLevel[], id: Severity): string {
  const level = levels.find((l) => l.id === id);
  if (!level) return `${id} (no longer configured)`;
  return level.name === level.id ? level.id : `${level.id} (${level.name})`;
}

/**
 * The roles to show for an incident: every configured one, then any it still holds that is no longer
 * configured (so nothing stored disappears from view), each with its label.
 */
export function rolesToShow(roles: readonly RoleDefinition[], held: Readonly<Partial<Record<IncidentRole, string>>>): { id: IncidentRole; label: string }[] {
  const configured = roles.map((r) => ({ id: r.id, label: r.name }));
  const stale = Object.keys(held)
    .filter((id) => !roles.some((r) => r.id === id))
    .map((id) => ({ id, label: `${id} (no longer configured)` }));
  return [...configured, ...stale];
}

/**
 * The update cadence of a severity. An incident whose severity was removed from the configuration keeps
 * getting reminders, at the most severe cadence, until someone sets a configured severity.
 */
export function updateEveryOf(levels: readonly SeverityLevel[], id: Severity): number {
  const level = levels.find((l) => l.id === id) ?? levels[0];
  return level?.updateEveryMs ?? 60 * 60_000;
}

/** A zod schema accepting exactly the configured ids, whose error names the bad value and lists the good ones. */
export function vocabularySchema(ids: readonly string[], what: string) {
  return z.enum(ids as [string, ...string[]], {
    error: (iss) =>
      iss.input === undefined
        ? `missing ${what}: expected one of ${ids.join(', ')}`
        : `unknown ${what} ${JSON.stringify(iss.input)}: expected one of ${ids.join(', ')}`,
  });
}

export const severitySchema = (ids: readonly Severity[]) => vocabularySchema(ids, 'severity');
export const roleSchema = (ids: readonly IncidentRole[]) => vocabularySchema(ids, 'role');
