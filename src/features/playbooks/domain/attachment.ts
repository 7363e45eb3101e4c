import type { IncidentFlag } from '../../incidents/index.js';

/** The playbook running for an incident. */
export interface PlaybookAttachment {
  incidentId: string;
  playbookId: string;
  /** Grows on every switch; checklist messages of older generations are retired. */
  generation: number;
  attachedBy: string;
  attachedAt: Date;
  /** The flags the checklist was last rendered for. */
  flagsSeen: IncidentFlag[];
}

/** How often a step's owner was nagged, and until when they snoozed it. */
export interface NagRecord {
  nagsSent: number;
  lastNagAt: Date | null;
  snoozedUntil: Date | null;
}

/** One posted checklist message (a part of a long checklist). */
export interface ChecklistMessageRow {
  incidentId: string;
  generation: number;
  part: number;
  channelId: string;
  ts: string;
  hash: string;
}
