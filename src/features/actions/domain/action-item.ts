/** An action item: a follow-up of an incident with one owner and a due time; it stays open after the incident closes, until done. */

export const ACTION_STATUSES = ['open', 'done'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export interface ActionItem {
  incidentId: string;
  /** `A1`, `A2` ... in the order they were added, unique per incident. */
  id: string;
  text: string;
  owner: string;
  dueAt: Date;
  status: ActionStatus;
  evidence: string | null;
  createdBy: string;
  createdAt: Date;
  doneBy: string | null;
  doneAt: Date | null;
  /** When the current due time and owner were set: the reminder plan counts from here. */
  planSince: Date;
  /** The plan number of the reminder queued next (the plan's length once it is spent). */
  nextReminder: number;
  escalatedAt: Date | null;
}

/** A change to an item after it was added. */
export type ActionPatch = Partial<Pick<ActionItem, 'owner' | 'dueAt' | 'status' | 'evidence' | 'doneBy' | 'doneAt' | 'planSince' | 'nextReminder' | 'escalatedAt'>>;

/** Longer than this is a document, not an action item: link it instead. */
export const TEXT_MAX = 300;
export const EVIDENCE_MAX = 1000;

const ID = /^A([1-9]\d{0,5})$/i;

/** The number of an id (`A12` -> 12), or null when the word is not an action item id. */
export function actionNumber(word: string): number | null {
  const m = ID.exec(word.trim());
  return m ? Number(m[1]) : null;
}

/** The id as stored (`a3` -> `A3`), or null when the word is not one. */
export function normalizeActionId(word: string): string | null {
  const n = actionNumber(word);
  return n === null ? null : `A${n}`;
}

/** The id after every one the incident has: one more than the highest, so an id is never given twice. */
export function nextActionId(existing: readonly string[]): string {
  const highest = existing.reduce((max, id) => Math.max(max, actionNumber(id) ?? 0), 0);
  return `A${highest + 1}`;
}

/** Id order: A1, A2 ... A9, A10. */
export const compareActionIds = (a: string, b: string): number => (actionNumber(a) ?? 0) - (actionNumber(b) ?? 0);

/** Why the text cannot be an action item's, or null when it can. */
export function textRefusal(text: string): string | null {
  if (!text.trim()) return 'Say what is to be done: the text of the action item is empty.';
  if (text.length > TEXT_MAX) return `The text is ${text.length} characters; keep it to ${TEXT_MAX} (link a document for the details).`;
  return null;
}

/** Why the evidence cannot be recorded, or null when it can. */
export function evidenceRefusal(evidence: string): string | null {
  return evidence.length > EVIDENCE_MAX ? `The evidence is ${evidence.length} characters; keep it to ${EVIDENCE_MAX} (link a document for more).` : null;
}

/** Open items first (soonest due first), then done ones (in id order). */
export function listOrder(a: ActionItem, b: ActionItem): number {
  if (a.status !== b.status) return a.status === 'open' ? -1 : 1;
  if (a.status === 'open') return a.dueAt.getTime() - b.dueAt.getTime() || compareActionIds(a.id, b.id);
  return compareActionIds(a.id, b.id);
}

/** How late, in words: whole days past a day, else hours, else minutes ("3 days", "1 hour", "5 minutes"). */
export function lateness(ms: number): string {
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (ms >= 86_400_000) return unit(Math.floor(ms / 86_400_000), 'day');
  if (ms >= 3_600_000) return unit(Math.floor(ms / 3_600_000), 'hour');
  return unit(Math.max(1, Math.floor(ms / 60_000)), 'minute');
}
