/** Slack channel names: at most 80 characters of lowercase letters, digits, `-` and `_`. */
export const MAX_CHANNEL_NAME = 80;
const SUFFIX_ROOM = 4; // room for "-999" when the name is taken

/** `inc-YYYYMMDD-<slug>`, the date in the given zone, the slug cut so any suffix still fits. */
export function incidentChannelName(title: string, declaredAt: Date, timeZone: string): string {
  const date = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(declaredAt)
    .replaceAll('-', '');
  const prefix = `inc-${date}-`;
  const slug = slugify(title).slice(0, MAX_CHANNEL_NAME - SUFFIX_ROOM - prefix.length).replace(/-+$/, '');
  return prefix + (slug || 'incident');
}

/**
 * The channel name of an incident: a public one's carries the date and title, a private one's only its number
 * (`inc-2026-0042`), so the name gives nothing away in invitations, search or an admin's channel list.
 */
export function channelNameFor(incident: { id: string; title: string; declaredAt: Date; private: boolean }, timeZone: string): string {
  return incident.private ? slugify(incident.id) : incidentChannelName(incident.title, incident.declaredAt, timeZone);
}

/** The n-th alternative when a name is taken: name-2, name-3, ... */
export function withSuffix(name: string, attempt: number): string {
  return attempt <= 1 ? name : `${name}-${attempt}`;
}

export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** `INC-2026-0042`: the year of declaration and a per-year sequence. */
export function humanIncidentId(year: number, seq: number): string {
  return `INC-${year}-${String(seq).padStart(4, '0')}`;
}
