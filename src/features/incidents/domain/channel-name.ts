import anyAscii from 'any-ascii';

/** Slack channel names: at most 80 characters of lowercase letters, digits, `-` and `_`. */
export const MAX_CHANNEL_NAME = 80;
const SUFFIX_ROOM = 4; // room for "-999" when the name is taken

/**
 * `inc-YYYYMMDD-<slug>`, the date in the given zone, the slug cut so any suffix still fits. A title with nothing
 * to spell in Latin letters (only punctuation) gives the incident number instead: `inc-YYYYMMDD-inc-2026-0042`.
 */
export function incidentChannelName(title: string, declaredAt: Date, timeZone: string, incidentId: string): string {
  const date = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(declaredAt)
    .replaceAll('-', '');
  const prefix = `inc-${date}-`;
  const slug = slugify(title).slice(0, MAX_CHANNEL_NAME - SUFFIX_ROOM - prefix.length).replace(/-+$/, '');
  return prefix + (slug || slugify(incidentId));
}

/**
 * The channel name of an incident: a public one's carries the date and title, a private one's only its number
 * (`inc-2026-0042`), so the name gives nothing away in invitations, search or an admin's channel list.
 */
export function channelNameFor(incident: { id: string; title: string; declaredAt: Date; private: boolean }, timeZone: string): string {
  return incident.private ? numberChannelName(incident.id) : incidentChannelName(incident.title, incident.declaredAt, timeZone, incident.id);
}

/** `inc-2026-0042`: the name of a private incident's channel, and the last resort when every titled name is taken. */
export const numberChannelName = (incidentId: string): string => slugify(incidentId);

/**
 * The names to try in turn: the incident's own, then `-2` ... `-max`, then its number (`inc-2026-0042`), which
 * no other incident's name can hold, when it is not already the first.
 */
export function channelNameCandidates(base: string, incidentId: string, max: number): string[] {
  const names = Array.from({ length: max }, (_, i) => withSuffix(base, i + 1));
  const number = numberChannelName(incidentId);
  return names.includes(number) ? names : [...names, number];
}

/** The n-th alternative when a name is taken: name-2, name-3, ... */
export function withSuffix(name: string, attempt: number): string {
  return attempt <= 1 ? name : `${name}-${attempt}`;
}

/**
 * Lowercase Latin letters, digits and `-`: other scripts are transliterated (Платежи -> platezhi, 決済 -> jueji,
 * βάση -> vasi) and emoji named (🔥 -> fire), so a title in any language gives a readable name.
 */
export function slugify(text: string): string {
  return anyAscii(text.normalize('NFKC'))
    .replace(/:([a-z0-9_+-]+):/g, ' $1 ')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** `INC-2026-0042`: the year of declaration and a per-year sequence. */
export function humanIncidentId(year: number, seq: number): string {
  return `INC-${year}-${String(seq).padStart(4, '0')}`;
}
