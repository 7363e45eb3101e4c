import type { ClockEvent } from '../../incidents/index.js';
import type { Db } from '../../../platform/db/db.js';
import type { AppliedRegime, BoardPart, ClockEventRecord, StageDecision, StageSubmission } from '../domain/records.js';

interface EventRow {
  event: string;
  at: string;
  recorded_by: string;
  recorded_at: string;
}

interface SubmissionRow {
  regime_id: string;
  stage_id: string;
  submitted_at: string;
  recorded_by: string;
  reference: string;
  notice_id: number | null;
  final_text: string | null;
  drafted_by: string | null;
  approved_by: string | null;
}

const toEvent = (r: EventRow): ClockEventRecord => ({
  event: r.event as ClockEvent,
  at: new Date(r.at),
  recordedBy: r.recorded_by,
  recordedAt: new Date(r.recorded_at),
});

const toSubmission = (r: SubmissionRow): StageSubmission => ({
  regimeId: r.regime_id,
  stageId: r.stage_id,
  submittedAt: new Date(r.submitted_at),
  recordedBy: r.recorded_by,
  reference: r.reference,
  noticeId: r.notice_id,
  finalText: r.final_text,
  draftedBy: r.drafted_by,
  approvedBy: r.approved_by,
});


/** Clock state of incidents: events, applied regimes, decisions, submissions, board messages. Callers hold the transaction. */
export function clockRepo(db: Db) {
  const events = db.prepare<[string], EventRow>('SELECT event, at, recorded_by, recorded_at FROM clock_events WHERE incident_id = ? ORDER BY at, event');
  const upsertEvent = db.prepare(`INSERT INTO clock_events (incident_id, event, at, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT(incident_id, event) DO UPDATE SET at = excluded.at, recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at`);
  const regimes = db.prepare<[string], { regime_id: string; applied_by: string; applied_at: string }>(
    'SELECT regime_id, applied_by, applied_at FROM incident_regimes WHERE incident_id = ? ORDER BY applied_at, regime_id',
  );
  const insertRegime = db.prepare('INSERT INTO incident_regimes (incident_id, regime_id, applied_by, applied_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING');
  const deleteRegime = db.prepare('DELETE FROM incident_regimes WHERE incident_id = ? AND regime_id = ?');
  const entity = db.prepare<[string], string>('SELECT entity FROM incident_entities WHERE incident_id = ?').pluck();
  const upsertEntity = db.prepare(`INSERT INTO incident_entities (incident_id, entity, chosen_by, chosen_at) VALUES (?, ?, ?, ?)
    ON CONFLICT(incident_id) DO UPDATE SET entity = excluded.entity, chosen_by = excluded.chosen_by, chosen_at = excluded.chosen_at`);
  const decisions = db.prepare<[string], { regime_id: string; stage_id: string; reason: string; decided_by: string; decided_at: string }>(
    'SELECT regime_id, stage_id, reason, decided_by, decided_at FROM stage_decisions WHERE incident_id = ?',
  );
  const insertDecision = db.prepare('INSERT INTO stage_decisions (incident_id, regime_id, stage_id, reason, decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?)');
  const submissions = db.prepare<[string], SubmissionRow>('SELECT * FROM stage_submissions WHERE incident_id = ? ORDER BY submitted_at');
  const insertSubmission = db.prepare(`INSERT INTO stage_submissions (incident_id, regime_id, stage_id, submitted_at, recorded_by, reference,
    notice_id, final_text, drafted_by, approved_by) VALUES (@incidentId, @regimeId, @stageId, @submittedAt, @recordedBy, @reference,
    @noticeId, @finalText, @draftedBy, @approvedBy)`);
  const parts = db.prepare<[string], { part: number; channel_id: string; ts: string }>('SELECT part, channel_id, ts FROM clock_board_parts WHERE incident_id = ? ORDER BY part');
  const savePart = db.prepare('INSERT INTO clock_board_parts (incident_id, part, channel_id, ts) VALUES (?, ?, ?, ?) ON CONFLICT(incident_id, part) DO UPDATE SET channel_id = excluded.channel_id, ts = excluded.ts');
  const dropPart = db.prepare('DELETE FROM clock_board_parts WHERE incident_id = ? AND part = ?');

  return {
    events: (incidentId: string): ClockEventRecord[] => events.all(incidentId).map(toEvent),
    event: (incidentId: string, event: ClockEvent): ClockEventRecord | null => events.all(incidentId).map(toEvent).find((e) => e.event === event) ?? null,
    setEvent(incidentId: string, e: ClockEventRecord): void {
      upsertEvent.run(incidentId, e.event, e.at.toISOString(), e.recordedBy, e.recordedAt.toISOString());
    },
    regimes: (incidentId: string): AppliedRegime[] =>
      regimes.all(incidentId).map((r) => ({ regimeId: r.regime_id, appliedBy: r.applied_by, appliedAt: new Date(r.applied_at) })),
    /** False when the regime was already applied. */
    applyRegime: (incidentId: string, regimeId: string, by: string, at: Date): boolean => insertRegime.run(incidentId, regimeId, by, at.toISOString()).changes === 1,
    removeRegime: (incidentId: string, regimeId: string): boolean => deleteRegime.run(incidentId, regimeId).changes === 1,
    /** The entity (a name of company.entities) chosen for the incident; null when none was. */
    entityOf: (incidentId: string): string | null => entity.get(incidentId) ?? null,
    chooseEntity: (incidentId: string, name: string, by: string, at: Date): void => void upsertEntity.run(incidentId, name, by, at.toISOString()),
    decisions: (incidentId: string): StageDecision[] =>
      decisions.all(incidentId).map((r) => ({ regimeId: r.regime_id, stageId: r.stage_id, reason: r.reason, decidedBy: r.decided_by, decidedAt: new Date(r.decided_at) })),
    addDecision(incidentId: string, d: StageDecision): void {
      insertDecision.run(incidentId, d.regimeId, d.stageId, d.reason, d.decidedBy, d.decidedAt.toISOString());
    },
    submissions: (incidentId: string): StageSubmission[] => submissions.all(incidentId).map(toSubmission),
    addSubmission(incidentId: string, s: StageSubmission): void {
      insertSubmission.run({ ...s, incidentId, submittedAt: s.submittedAt.toISOString() });
    },
    boardParts: (incidentId: string): BoardPart[] => parts.all(incidentId).map((r) => ({ part: r.part, channelId: r.channel_id, ts: r.ts })),
    saveBoardPart(incidentId: string, p: BoardPart): void {
      savePart.run(incidentId, p.part, p.channelId, p.ts);
    },
    removeBoardPart(incidentId: string, part: number): void {
      dropPart.run(incidentId, part);
    },
  };
}

export type ClockRepo = ReturnType<typeof clockRepo>;

/**
 * The current instant of each recorded clock event of an incident, for other modules (playbook steps due
 * from `clock:<event>`). Reads only; safe outside a transaction.
 */
export function clockEventsOf(db: Db): (incidentId: string) => Partial<Record<ClockEvent, Date>> {
  const repo = clockRepo(db);
  return (incidentId) => Object.fromEntries(repo.events(incidentId).map((e) => [e.event, e.at])) as Partial<Record<ClockEvent, Date>>;
}

/** Every recorded clock event of an incident with who recorded it and when (an evidence pack). Reads only. */
export function clockEventRecordsOf(db: Db): (incidentId: string) => ClockEventRecord[] {
  const repo = clockRepo(db);
  return (incidentId) => repo.events(incidentId);
}

/**
 * The open incidents with a recorded clock event (the only ones a legal deadline can run for), newest declared
 * first, for the managers' digest. Walks clock_events_open (migration 017): costs the clocked open incidents,
 * not every open incident nor every clock event ever recorded. Reads only.
 */
export function openClockedIncidentsOf(db: Db): () => string[] {
  const ids = db.prepare<[], string>(`SELECT c.incident_id FROM clock_events c INDEXED BY clock_events_open
    JOIN incidents i ON i.id = c.incident_id WHERE c.incident_open = 1
    GROUP BY c.incident_id ORDER BY i.declared_at DESC, c.incident_id DESC`).pluck();
  return () => ids.all();
}
