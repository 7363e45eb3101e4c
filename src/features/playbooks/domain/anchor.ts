import { CLOCK_EVENTS, type ClockEvent } from '../../incidents/index.js';
import type { DueAnchor } from './model.js';

export const ANCHOR_HINT = `expected declared, step:<step id> or clock:<event> (events: ${CLOCK_EVENTS.join(', ')})`;

/**
 * Reads a step's `due.from` text: `declared`, `step:<id>` (when that step was done) or `clock:<event>`
 * (when the comms lead recorded that legal clock event). Returns the anchor, or the reason it is not one.
 */
export function parseAnchor(text: string): { ok: true; anchor: DueAnchor } | { ok: false; message: string } {
  const t = text.trim();
  if (t === 'declared') return { ok: true, anchor: { kind: 'declared' } };
  const [kind, rest] = splitOnce(t, ':');
  if (kind === 'step' && rest) return { ok: true, anchor: { kind: 'step', stepId: rest } };
  if (kind === 'clock' && rest) {
    if (isClockEvent(rest)) return { ok: true, anchor: { kind: 'clock', event: rest } };
    return { ok: false, message: `unknown clock event "${rest}": expected one of ${CLOCK_EVENTS.join(', ')}` };
  }
  return { ok: false, message: `bad due.from "${t}": ${ANCHOR_HINT}` };
}

const isClockEvent = (s: string): s is ClockEvent => (CLOCK_EVENTS as readonly string[]).includes(s);

function splitOnce(s: string, sep: string): [string, string] {
  const i = s.indexOf(sep);
  return i < 0 ? [s, ''] : [s.slice(0, i), s.slice(i + 1)];
}
