import type { IncidentFlag } from '../../incidents/index.js';
import type { StepStatus } from '../domain/model.js';
import type { StepState, StepStates } from '../domain/step-state.js';
import type { Db } from '../../../platform/db/db.js';
import type { ChecklistMessageRow, NagRecord, PlaybookAttachment } from '../domain/attachment.js';


interface AttachmentRow {
  incident_id: string;
  playbook_id: string;
  generation: number;
  attached_by: string;
  attached_at: string;
  flags_seen: string;
}

interface StepRow {
  step_id: string;
  status: string;
  assignee: string | null;
  closed_by: string | null;
  closed_at: string | null;
  evidence: string | null;
  reason: string | null;
  nags_sent: number;
  last_nag_at: string | null;
  snoozed_until: string | null;
}

interface MessageRow {
  incident_id: string;
  generation: number;
  part: number;
  channel_id: string;
  ts: string;
  hash: string;
}

const date = (s: string | null): Date | null => (s === null ? null : new Date(s));

const toState = (r: StepRow): StepState => ({
  stepId: r.step_id,
  status: r.status as StepStatus,
  assignee: r.assignee,
  by: r.closed_by,
  at: date(r.closed_at),
  evidence: r.evidence,
  reason: r.reason,
});

/**
 * Playbook state beside the incident core, in the same database: callers wrap writes in
 * `store.transaction` so they commit with the core's timeline, audit and jobs.
 */
export function playbookRepo(db: Db) {
  const getAttachment = db.prepare<[string], AttachmentRow>('SELECT * FROM incident_playbooks WHERE incident_id = ?');
  const upsertAttachment = db.prepare(`INSERT INTO incident_playbooks (incident_id, playbook_id, generation, attached_by, attached_at, flags_seen)
    VALUES (@incidentId, @playbookId, 1, @by, @at, @flags) ON CONFLICT(incident_id) DO UPDATE SET playbook_id = excluded.playbook_id,
    generation = generation + 1, attached_by = excluded.attached_by, attached_at = excluded.attached_at, flags_seen = excluded.flags_seen`);
  const setFlags = db.prepare<[string, string]>('UPDATE incident_playbooks SET flags_seen = ? WHERE incident_id = ?');
  const stepRows = db.prepare<[string, string], StepRow>('SELECT * FROM playbook_steps WHERE incident_id = ? AND playbook_id = ?');
  const stepRow = db.prepare<[string, string, string], StepRow>('SELECT * FROM playbook_steps WHERE incident_id = ? AND playbook_id = ? AND step_id = ?');
  const ensureStep = db.prepare<[string, string, string]>('INSERT INTO playbook_steps (incident_id, playbook_id, step_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING');
  // Only an open step changes: a second click that slipped past the domain check still writes nothing.
  const writeState = db.prepare(`UPDATE playbook_steps SET status = @status, assignee = @assignee, closed_by = @by, closed_at = @at,
    evidence = @evidence, reason = @reason WHERE incident_id = @incidentId AND playbook_id = @playbookId AND step_id = @stepId AND status = 'open'`);
  const writeNag = db.prepare<[string, string, string, string]>(
    'UPDATE playbook_steps SET nags_sent = nags_sent + 1, last_nag_at = ? WHERE incident_id = ? AND playbook_id = ? AND step_id = ?',
  );
  const writeSnooze = db.prepare<[string, string, string, string]>(
    'UPDATE playbook_steps SET snoozed_until = ? WHERE incident_id = ? AND playbook_id = ? AND step_id = ?',
  );
  const messageRows = db.prepare<[string], MessageRow>('SELECT * FROM playbook_messages WHERE incident_id = ? ORDER BY generation, part');
  const upsertMessage = db.prepare(`INSERT INTO playbook_messages (incident_id, generation, part, channel_id, ts, hash)
    VALUES (@incidentId, @generation, @part, @channelId, @ts, @hash) ON CONFLICT(incident_id, generation, part) DO UPDATE SET
    channel_id = excluded.channel_id, ts = excluded.ts, hash = excluded.hash`);
  const deleteMessage = db.prepare<[string, number, number]>('DELETE FROM playbook_messages WHERE incident_id = ? AND generation = ? AND part = ?');

  return {
    attachment(incidentId: string): PlaybookAttachment | null {
      const r = getAttachment.get(incidentId);
      if (!r) return null;
      return {
        incidentId: r.incident_id,
        playbookId: r.playbook_id,
        generation: r.generation,
        attachedBy: r.attached_by,
        attachedAt: new Date(r.attached_at),
        flagsSeen: JSON.parse(r.flags_seen) as IncidentFlag[],
      };
    },
    /** Attaches a playbook, or switches to another one (a new generation of checklist messages). */
    attach(incidentId: string, playbookId: string, by: string, at: Date, flags: readonly IncidentFlag[]): void {
      upsertAttachment.run({ incidentId, playbookId, by, at: at.toISOString(), flags: JSON.stringify(flags) });
    },
    setFlagsSeen: (incidentId: string, flags: readonly IncidentFlag[]) => void setFlags.run(JSON.stringify(flags), incidentId),
    states(incidentId: string, playbookId: string): StepStates {
      return Object.fromEntries(stepRows.all(incidentId, playbookId).map((r) => [r.step_id, toState(r)]));
    },
    nagRecord(incidentId: string, playbookId: string, stepId: string): NagRecord {
      const r = stepRow.get(incidentId, playbookId, stepId);
      return { nagsSent: r?.nags_sent ?? 0, lastNagAt: date(r?.last_nag_at ?? null), snoozedUntil: date(r?.snoozed_until ?? null) };
    },
    /** Writes a step's new state if the step is still open; false when someone closed it first. */
    saveState(incidentId: string, playbookId: string, s: StepState): boolean {
      ensureStep.run(incidentId, playbookId, s.stepId);
      const r = writeState.run({
        incidentId,
        playbookId,
        stepId: s.stepId,
        status: s.status,
        assignee: s.assignee,
        by: s.by,
        at: s.at?.toISOString() ?? null,
        evidence: s.evidence,
        reason: s.reason,
      });
      return r.changes === 1;
    },
    recordNag(incidentId: string, playbookId: string, stepId: string, at: Date): void {
      ensureStep.run(incidentId, playbookId, stepId);
      writeNag.run(at.toISOString(), incidentId, playbookId, stepId);
    },
    snooze(incidentId: string, playbookId: string, stepId: string, until: Date): void {
      ensureStep.run(incidentId, playbookId, stepId);
      writeSnooze.run(until.toISOString(), incidentId, playbookId, stepId);
    },
    /** Every checklist message of the incident, all generations, in order. */
    messages(incidentId: string): ChecklistMessageRow[] {
      return messageRows.all(incidentId).map((r) => ({
        incidentId: r.incident_id,
        generation: r.generation,
        part: r.part,
        channelId: r.channel_id,
        ts: r.ts,
        hash: r.hash,
      }));
    },
    saveMessage: (m: ChecklistMessageRow) => void upsertMessage.run(m),
    removeMessage: (incidentId: string, generation: number, part: number) => void deleteMessage.run(incidentId, generation, part),
  };
}

export type PlaybookRepo = ReturnType<typeof playbookRepo>;
