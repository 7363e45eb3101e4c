/**
 * What the law requires a notice to contain, as a template declares it in its front matter, and the
 * checklist of a draft against it. An element is complete when none of its variables still shows its
 * placeholder in the text (`[to complete: ...]`, `[not recorded: ...]`): the comms lead completes a draft by
 * replacing the placeholders, so the text alone says what is still missing. Pure.
 */
import { CLOCK_EVENTS, type ClockEvent } from '../../../incidents/model.js';
import { eventPlaceholder, factPlaceholder, NOTICE_FACTS, VALUE_PLACEHOLDERS, type NoticeFact } from './notice-context.js';
import { isViewValue } from './template-variables.js';

/** One element the law requires, e.g. HIPAA 164.404(c)(1)(B), and the template variables that carry it. */
export interface RequiredElement {
  /** Where the law asks for it: `33(3)(a)`, `(B)`. */
  readonly element: string;
  /** What it is, in words: `types of unsecured PHI involved`. */
  readonly label: string;
  /** Template variables (`facts.dataTypes`, `company.contactPhone`) whose values make up the element. */
  readonly variables: readonly string[];
}

/** A template's front matter: the law it answers, the stages it is for (`regime:stage`) and what it must contain. */
export interface NoticeMeta {
  readonly citation: string | null;
  readonly stages: readonly string[];
  readonly required: readonly RequiredElement[];
}

export const NO_META: NoticeMeta = { citation: null, stages: [], required: [] };

export interface ChecklistItem {
  readonly element: string;
  readonly label: string;
  readonly complete: boolean;
  /** The placeholders still in the text, e.g. `[to complete: date of the breach]`. */
  readonly missing: readonly string[];
}

/** The placeholder a variable renders as when nobody filled it in; null for a value that is always known. */
export function placeholderOf(variable: string): string | null {
  const [head, name] = variable.split('.');
  if (head === 'facts' && (NOTICE_FACTS as readonly string[]).includes(name ?? '')) return factPlaceholder(name as NoticeFact);
  if (head === 'events' && (CLOCK_EVENTS as readonly string[]).includes(name ?? '')) return eventPlaceholder(name as ClockEvent);
  return Object.hasOwn(VALUE_PLACEHOLDERS, variable) ? VALUE_PLACEHOLDERS[variable as keyof typeof VALUE_PLACEHOLDERS] : null;
}

/** Each required element, complete or with the placeholders still in `text`. */
export function elementChecklist(required: readonly RequiredElement[], text: string): ChecklistItem[] {
  return required.map((r) => {
    const missing = [...new Set(r.variables.map(placeholderOf).filter((p): p is string => p !== null && text.includes(p)))];
    return { element: r.element, label: r.label, complete: missing.length === 0, missing };
  });
}

const ANY_PLACEHOLDER = /\[(?:to complete|not recorded): [^\]\n]{1,200}\]/g;

/**
 * Without a declared checklist (its template is gone or declares none), every placeholder left in the text is
 * an element still to complete: a stricter reading, never a looser one.
 */
export function placeholderChecklist(text: string): ChecklistItem[] {
  return [...new Set(text.match(ANY_PLACEHOLDER) ?? [])].map((p) => ({ element: p.slice(1, -1), label: p.slice(1, -1), complete: false, missing: [p] }));
}

export const incomplete = (list: readonly ChecklistItem[]): ChecklistItem[] => list.filter((i) => !i.complete);

/** `(a) nature of the breach` */
export const elementText = (i: Pick<ChecklistItem, 'element' | 'label'>): string => (i.element === i.label ? i.label : `${i.element} ${i.label}`);

/**
 * Problems of a template's declared elements against its body: a variable the view does not have, or one the
 * body never shows (the element could never be complete or incomplete in the text). Empty = fine.
 */
export function requiredElementProblems(meta: NoticeMeta, usedVariables: ReadonlySet<string>): string[] {
  return meta.required.flatMap((r) =>
    r.variables.flatMap((v) => {
      if (!isViewValue(v)) return [`required element ${r.element} (${r.label}) names an unknown variable "${v}"`];
      if (!usedVariables.has(v)) return [`required element ${r.element} (${r.label}) names "${v}", which the template never shows`];
      return [];
    }),
  );
}
