import { hash } from 'node:crypto';

const FIELDS = ['id', 'incident_id', 'at', 'kind', 'actor', 'text', 'data', 'source_key'] as const;

/**
 * What a timeline row's hash covers: each stored column as `<UTF-8 length>:<value>` (`-` for null), one per
 * line, in a fixed order. Length-prefixed, so no value can pose as two. Built by SQLite from the stored row,
 * both when the row is written and when it is verified, so both read the same bytes. One `concat_ws` joins the
 * lines (no value is null there): a chain of `||` copied the growing text at every step, a fifth of verify's read.
 */
export const TIMELINE_HASH_INPUT = `concat_ws(char(10), ${FIELDS.map((f) => `coalesce(octet_length(${f}) || ':' || ${f}, '-')`).join(', ')})`;

export const timelineHash = (input: string): string => hash('sha256', input, 'hex');
