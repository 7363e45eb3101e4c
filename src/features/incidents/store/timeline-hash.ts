import { createHash } from 'node:crypto';

/** A timeline row's columns exactly as stored. */
export interface StoredTimelineRow {
  id: number;
  incident_id: string;
  at: string;
  kind: string;
  actor: string;
  text: string;
  data: string;
  source_key: string | null;
}

/**
 * SHA-256 over the stored columns, one per line in a fixed order (each JSON-quoted, so no value can pose as
 * two). The audit entry of the change that wrote the row carries it, so an edited or deleted row is located.
 */
export function timelineHash(r: StoredTimelineRow): string {
  const fields = [r.id, r.incident_id, r.at, r.kind, r.actor, r.text, r.data, r.source_key];
  return createHash('sha256').update(fields.map((f) => JSON.stringify(f)).join('\n')).digest('hex');
}
