import { stripInvisibles } from '../../platform/text.js';

/**
 * Slack's escaping, undone once at the edge, so Warden stores what the person typed. Slack sends a typed
 * `&`, `<` and `>` as `&amp;`, `&lt;` and `&gt;`, and (with `should_escape`) what it linked as tokens:
 * `<@U123|alice>`, `<#C123|general>`, `<!here>`, `<!subteam^S1|@oncall>`, `<https://x.example|x.example>`.
 * A person mention stays a mention (`<@U123>`, shown as one again on output) and so does a channel link;
 * broadcasts and user groups become their plain `@here` / `@oncall` text, which pings nobody; a link
 * becomes the text the person typed. Bidi overrides and control characters (but newlines and tabs) go too.
 */
export function decodeSlackText(text: string): string {
  const decoded = text
    .replace(/<([^<>]*)>/g, (_all, inner: string) => decodeToken(inner))
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
  return stripInvisibles(decoded);
}

/**
 * A modal's `view.state.values` with every string cleaned as `decodeSlackText` cleans typed text (Slack does
 * not escape what is typed into an input), so what a form stores carries no bidi override or control character.
 */
export function cleanModalValues(values: unknown): unknown {
  if (typeof values === 'string') return stripInvisibles(values);
  if (Array.isArray(values)) return values.map(cleanModalValues);
  if (values === null || typeof values !== 'object') return values;
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, cleanModalValues(value)]));
}

function decodeToken(inner: string): string {
  const [target = '', label] = inner.split('|', 2);
  const person = /^@([UW][A-Z0-9]+)$/.exec(target);
  if (person) return `<@${person[1]}>`;
  const channel = /^#(C[A-Z0-9]+)$/.exec(target);
  if (channel) return `<#${channel[1]}>`;
  if (target.startsWith('!')) return label ?? `@${target.slice(1).split('^')[0]}`;
  return label ?? target;
}
