import { WardenError } from '../../../platform/errors.js';
import { escapeMrkdwn, truncate } from '../escape.js';

/** Splits `verb rest of text` into the verb (lower-cased) and the rest (kept as typed). */
export function splitVerb(text: string): { verb: string; rest: string } {
  const trimmed = text.trim();
  const space = trimmed.search(/\s/);
  if (space === -1) return { verb: trimmed.toLowerCase(), rest: '' };
  return { verb: trimmed.slice(0, space).toLowerCase(), rest: trimmed.slice(space + 1).trim() };
}

/** A parser of one word among `values` (case-insensitive); anything else gets a refusal that lists them. */
export function wordParser<T extends string>(values: readonly T[], what: string, usage: string) {
  // A set, not a zod enum: parsers built per request (the configured severities) stay cheap on the ack path.
  const allowed = new Set<string>(values);
  const isAllowed = (word: string): word is T => allowed.has(word);
  return (word: string | undefined): T => {
    const lower = word?.toLowerCase();
    if (lower !== undefined && isAllowed(lower)) return lower;
    const got = word ? `Unknown ${what} \`${escapeMrkdwn(truncate(word, 40))}\`.` : `Missing ${what}.`;
    throw new WardenError('bad_input', `${got} Use one of: ${values.join(', ')}. Usage: \`${escapeMrkdwn(usage)}\``);
  };
}

/** The one word a verb takes; extra words are refused rather than silently dropped. */
export function oneWord(args: string, usage: string): string | undefined {
  const words = args.split(/\s+/).filter(Boolean);
  if (words.length > 1) throw new WardenError('bad_input', `That takes one word. Usage: \`${escapeMrkdwn(usage)}\``);
  return words[0];
}

/**
 * A user reference as Slack sends it in an escaped slash command (`<@U123|alice>` or `<@U123>`), or a bare
 * user id. Plain `@alice` cannot be resolved without a directory lookup, so it is refused with a hint.
 */
export function parseUserRef(word: string | undefined, usage: string): string {
  const m = word?.match(/^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/) ?? word?.match(/^([UW][A-Z0-9]{2,})$/);
  if (m?.[1]) return m[1];
  const what = word ? `\`${escapeMrkdwn(truncate(word, 60))}\` is not a Slack user.` : 'Missing the person.';
  throw new WardenError('bad_input', `${what} Mention them with @ so Slack completes the name. Usage: \`${escapeMrkdwn(usage)}\``);
}
