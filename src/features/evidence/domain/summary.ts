/**
 * `summary.md`: the pack as a person reads it. Every instant in UTC and in the company zone; everything a
 * person typed (titles, notes, reasons, evidence, references) escaped with the review draft's Markdown
 * escaping, so it stays text on its own line and cannot open a heading, a link, a table or an HTML tag. Pure.
 */
import type { EvidenceFacts, PackFile } from './evidence-facts.js';
import { AUDIT_ENTRIES_PATH } from './pack-json.js';
import { MANIFEST_PATH } from './manifest.js';
import { clockLines, noticeLines, playbookLines, reviewLines, actionLines, type Render } from './summary-sections.js';
import { formatDuration, formatTime, inlineText, quotedText } from '../../reviews/index.js';

export const SUMMARY_PATH = 'summary.md';

/** The summary of the pack; `files` are the other files, listed at the end with what each holds. */
export function summaryOf(e: EvidenceFacts, files: readonly PackFile[], auditCheck: string): PackFile {
  const r = renderer(e.timeZone);
  const i = e.facts.incident;
  const lines = [
    `# Evidence pack: ${inlineText(i.id)}`,
    '',
    `Made ${r.t(e.generatedAt)} by Warden ${inlineText(e.wardenVersion)}, from the record as it stood then. Times are in UTC and in the company zone (${inlineText(e.timeZone)}).`,
    '',
    '## Incident',
    '',
    `- Title: ${inlineText(i.title)}`,
    `- Type ${inlineText(i.type)}, severity ${inlineText(i.severity)}, status ${inlineText(i.status)}${i.drill ? ', a drill' : ''}${i.private ? ', private' : ''}`,
    `- Declared: ${r.t(i.declaredAt)} by ${r.who(i.declaredBy)}`,
    ...(i.detectedAt ? [`- Detected: ${r.t(i.detectedAt)}`] : []),
    ...(i.resolvedAt ? [`- Resolved: ${r.t(i.resolvedAt)}, ${formatDuration(i.resolvedAt.getTime() - i.declaredAt.getTime())} after it was declared`] : []),
    ...(i.closedAt ? [`- Closed: ${r.t(i.closedAt)}`] : []),
    ...(i.description.trim() ? ['', quotedText(i.description)] : []),
    '',
    '### Severity',
    '',
    ...e.facts.severityHistory.map((p) => `- ${inlineText(p.severity)} from ${r.t(p.from)}${p.until ? ` to ${r.t(p.until)}` : ''}, set by ${r.who(p.by)}`),
    '',
    '## Roles',
    '',
    ...e.facts.roles.map((t) => `- ${inlineText(t.role)}: ${r.who(t.userId)} from ${r.t(t.from)}${t.until ? ` to ${r.t(t.until)}` : ' (still holds it)'}, assigned by ${r.who(t.by)}`),
    '',
    ...clockLines(e, r),
    ...noticeLines(e, r),
    ...playbookLines(e, r),
    ...reviewLines(e, r),
    ...actionLines(e, r),
    '## Timeline',
    '',
    ...(e.facts.timeline.length ? e.facts.timeline.map((l) => `- ${r.t(l.at)} · ${inlineText(l.kind)} · ${r.who(l.actor)} · ${inlineText(mentionsAsIds(l.text))}`) : ['No timeline entries.']),
    '',
    '## Audit trail',
    '',
    `${e.audit.length} audit entries of this incident in ${AUDIT_ENTRIES_PATH}, as stored${e.audit.length ? ` (sequence numbers ${e.audit[0]!.seq} to ${e.audit.at(-1)!.seq} of the whole chain)` : ''}. ${auditCheck}`,
    '',
    '## Files',
    '',
    `Check them with \`sha256sum -c ${MANIFEST_PATH}\` in this directory.`,
    '',
    ...[...files].map((f) => `- ${inlineText(f.path)}`).sort(),
  ];
  return { path: SUMMARY_PATH, content: `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n` };
}

/** Slack's `<@U1|alice>` and `<@U1>` as `@U1`, the form the rest of the summary names people in. */
const mentionsAsIds = (text: string): string => text.replace(/<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g, '@$1');

/** Instants in UTC and the company zone, people as their Slack ids (escaped: an id is user-supplied text too). */
function renderer(zone: string): Render {
  const both = (at: Date): string => (zone === 'UTC' ? formatTime(at, 'UTC') : `${formatTime(at, 'UTC')} (${formatTime(at, zone)})`);
  return {
    t: (at) => (at ? both(at) : 'not recorded'),
    who: (id) => (id === null ? 'nobody recorded' : id === 'warden' ? 'Warden' : `@${inlineText(id)}`),
  };
}
