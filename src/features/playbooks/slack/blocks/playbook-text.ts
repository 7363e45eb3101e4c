/**
 * Text helpers for the playbook builders (escaping and date tokens come from ../escape.ts): Markdown-to-mrkdwn
 * for guidance, clipping that never cuts a link or an entity in half, and the compact `{incidentId, stepId}`
 * reference carried by buttons and modals.
 */
import { z } from 'zod';
import { escapeMrkdwn, truncate } from '../../../../adapters/slack/escape.js';
import { cutText } from '../../../../platform/text.js';

/**
 * Playbook guidance is Markdown; Slack speaks mrkdwn. Converts what guidance uses: `[text](url)` links,
 * `**bold**`, `# headings` and `- ` bullets. Everything else is escaped text.
 */
export function markdownToMrkdwn(markdown: string): string {
  return escapeMrkdwn(markdown)
    .replace(/\[([^\]\n]+)\]\((https?:\/\/[^)\s|]+)\)/g, '<$2|$1>')
    .replace(/\*\*([^*\n]+)\*\*/g, '*$1*')
    .replace(/^#{1,6}\s+(.+)$/gm, '*$1*')
    .replace(/^\s*[-*]\s+/gm, '• ');
}

/** The first paragraph of guidance, on one line: what the checklist shows under an open step. */
export function guidanceSummary(markdown: string, max = 300): string {
  const first = markdown.trim().split(/\n\s*\n/)[0] ?? '';
  return clipMrkdwn(markdownToMrkdwn(first.replace(/\s*\n\s*/g, ' ')), max);
}

/**
 * Cuts mrkdwn to at most `max` characters, ending in `…`, never inside a `<...>` link or mention
 * or an `&...;` entity.
 */
export function clipMrkdwn(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = max - 1;
  const open = text.lastIndexOf('<', cut - 1);
  if (open > text.lastIndexOf('>', cut - 1)) cut = open;
  const amp = text.lastIndexOf('&', cut - 1);
  if (amp >= 0 && amp > text.lastIndexOf(';', cut - 1) && cut - amp <= 5) cut = amp;
  // cutText keeps at most `cut` units and ends on a whole grapheme (text is longer than cut + 1, so it always cuts).
  return `${cutText(text, cut + 1).slice(0, -1).trimEnd()}…`;
}

/** Cuts plain text (headers, button labels) to at most `max` characters. */
export function clipPlain(text: string, max: number): string {
  return truncate(text, max);
}

/** Which step of which incident a button or modal is about. */
export interface StepRef {
  incidentId: string;
  stepId: string;
}

const stepRefWire = z.object({ i: z.string().min(1), s: z.string().min(1) });

/** Encodes a step reference for a button `value` or a modal's `private_metadata` (compact JSON). */
export function encodeStepRef(ref: StepRef): string {
  return JSON.stringify({ i: ref.incidentId, s: ref.stepId });
}

/** Decodes what `encodeStepRef` wrote; null for anything else (a payload from outside is never trusted). */
export function decodeStepRef(value: string | undefined | null): StepRef | null {
  if (!value) return null;
  try {
    const parsed = stepRefWire.safeParse(JSON.parse(value));
    return parsed.success ? { incidentId: parsed.data.i, stepId: parsed.data.s } : null;
  } catch {
    return null;
  }
}
