import { hash } from 'node:crypto';

const FIELDS = ['id', 'incident_id', 'at', 'kind', 'actor', 'text', 'data', 'source_key'] as const;

/**
 * What a timeline row's hash covers: each stored column as `<UTF-8 length>:<value>` (`-` for null), one per
 * line, in a fixed order. Length-prefixed, so no value can pose as two. Built by SQLite from the stored row,
 * both when the row is written and when it is verified, so both read the same bytes.
 */
export const TIMELINE_HASH_INPUT = FIELDS.map((f) => `coalesce(octet_length(${f}) || ':' || ${f}, '-')`).join(" || char(10) || ");

export const timelineHash = (input: string): string => hash('sha256', input, 'hex');
